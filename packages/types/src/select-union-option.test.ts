import { describe, expect, it } from 'vitest'
import { describeType } from './describe-type.js'
import { selectUnionOption } from './select-union-option.js'
import { t } from './type-builder.js'
import type { TypeNode } from './type-node.js'

function options(...schemas: Parameters<typeof t.union>[0]): readonly TypeNode[] {
  const node = describeType(t.union(schemas))
  if (node.kind !== 'union') throw new Error('expected a union')
  return node.options
}

describe('selectUnionOption', () => {
  it('prefers int for integral numbers and float otherwise, whatever the order', () => {
    const floatFirst = options(t.number(), t.integer())
    expect(selectUnionOption(floatFirst, 1)?.kind).toBe('int')
    expect(selectUnionOption(floatFirst, 1.5)?.kind).toBe('float')
    expect(selectUnionOption(options(t.number(), t.none()), 1)?.kind).toBe('float')
  })

  it('matches None, strings, booleans and containers by their JavaScript type', () => {
    const mixed = options(t.string(), t.boolean(), t.list(t.string()), t.dict(t.string()), t.none())
    expect(selectUnionOption(mixed, null)?.kind).toBe('none')
    expect(selectUnionOption(mixed, undefined)?.kind).toBe('none')
    expect(selectUnionOption(mixed, 'x')?.kind).toBe('str')
    expect(selectUnionOption(mixed, false)?.kind).toBe('bool')
    expect(selectUnionOption(mixed, ['x'])?.kind).toBe('list')
    expect(selectUnionOption(mixed, { a: 'x' })?.kind).toBe('dict')
    expect(selectUnionOption(mixed, 3)).toBeUndefined()
  })

  it('prefers a literal or enum holding the value over its base type', () => {
    expect(selectUnionOption(options(t.string(), t.enum('Color', { RED: 'red' })), 'red')?.kind).toBe('enum')
    expect(selectUnionOption(options(t.string(), t.enum('Color', { RED: 'red' })), 'blue')?.kind).toBe('str')
  })

  it('picks the model whose fields the object fits', () => {
    const A = t.model('A', { a: t.number() })
    const B = t.model('B', { b: t.number() })
    const picked = selectUnionOption(options(A, B), { b: 1 })
    expect(picked?.kind === 'model' ? picked.name : undefined).toBe('B')
    expect(selectUnionOption(options(A, t.dict(t.number())), { c: 1 })?.kind).toBe('dict')
  })

  it('falls back to Any, then to the first best match', () => {
    expect(selectUnionOption(options(t.integer(), t.any()), 'x')?.kind).toBe('any')
    expect(selectUnionOption(options(t.tuple([t.integer()]), t.list(t.integer())), [1, 2])?.kind).toBe('list')
  })
})
