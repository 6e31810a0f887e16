import { type TSchema, Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { describeType } from './describe-type.js'
import { TypeDefinitionError } from './errors/type-definition-error.js'
import { t } from './type-builder.js'

describe('describeType', () => {
  it('describes scalars from TypeBox and from t', () => {
    expect(describeType(Type.String())).toEqual({ kind: 'str' })
    expect(describeType(t.integer())).toEqual({ kind: 'int' })
    expect(describeType(Type.Number())).toEqual({ kind: 'float' })
    expect(describeType(Type.Boolean())).toEqual({ kind: 'bool' })
    expect(describeType(Type.Null())).toEqual({ kind: 'none' })
    expect(describeType(Type.Any())).toEqual({ kind: 'any' })
    expect(describeType(Type.Unknown())).toEqual({ kind: 'any' })
  })

  it('describes literals, from const, enum or a union of consts', () => {
    expect(describeType(Type.Literal('a'))).toEqual({ kind: 'literal', values: ['a'] })
    expect(describeType(t.literal('a', 1, true))).toEqual({ kind: 'literal', values: ['a', 1, true] })
    expect(describeType(Type.Enum(['x', 'y']))).toEqual({ kind: 'literal', values: ['x', 'y'] })
  })

  it('describes named enums with their member names', () => {
    expect(describeType(t.enum('Color', { RED: 'red', BLUE: 'blue' }))).toEqual({
      kind: 'enum',
      name: 'Color',
      members: [
        { name: 'RED', value: 'red' },
        { name: 'BLUE', value: 'blue' },
      ],
    })
  })

  it('describes containers', () => {
    expect(describeType(t.list(t.string()))).toEqual({ kind: 'list', items: { kind: 'str' }, unique: false })
    expect(describeType(t.set(t.integer()))).toEqual({ kind: 'list', items: { kind: 'int' }, unique: true })
    expect(describeType(Type.Array(Type.Any()))).toEqual({ kind: 'list', items: { kind: 'any' }, unique: false })
    expect(describeType(t.tuple([t.integer(), t.string()]))).toEqual({ kind: 'tuple', items: [{ kind: 'int' }, { kind: 'str' }] })
    expect(describeType(t.dict(t.integer()))).toEqual({ kind: 'dict', keys: { kind: 'str' }, values: { kind: 'int' } })
    expect(describeType(Type.Object({}, { additionalProperties: Type.Boolean() }))).toEqual({
      kind: 'dict',
      keys: { kind: 'str' },
      values: { kind: 'bool' },
    })
  })

  it('describes unions and optionals with their Python spelling', () => {
    expect(describeType(t.optional(t.string()))).toEqual({ kind: 'union', options: [{ kind: 'str' }, { kind: 'none' }], syntax: 'typing' })
    expect(describeType(t.union([t.integer(), t.none()], 'pep604'))).toEqual({
      kind: 'union',
      options: [{ kind: 'int' }, { kind: 'none' }],
      syntax: 'pep604',
    })
    expect(describeType(Type.Union([Type.String()]))).toEqual({ kind: 'str' })
  })

  it('describes models, with required fields, defaults and descriptions', () => {
    const Person = t.model(
      'Person',
      { name: Type.String({ description: 'Full name' }), emails: t.withDefault(t.list(t.string()), []) },
      { description: 'A person.' },
    )
    expect(describeType(Person)).toEqual({
      kind: 'model',
      name: 'Person',
      description: 'A person.',
      fields: [
        { name: 'name', type: { kind: 'str' }, required: true, hasDefault: false, description: 'Full name' },
        { name: 'emails', type: { kind: 'list', items: { kind: 'str' }, unique: false }, required: false, hasDefault: true, defaultValue: [] },
      ],
    })
    expect(describeType(t.model('Empty', {}))).toEqual({ kind: 'model', name: 'Empty', description: undefined, fields: [] })
  })

  it('describes special types from their metadata', () => {
    expect(describeType(t.image())).toEqual({ kind: 'special', name: 'Image' })
    expect(describeType(t.code('java'))).toEqual({ kind: 'special', name: 'Code', language: 'java' })
  })

  it('caches: the same schema gives the same node', () => {
    const schema = t.list(t.string())
    expect(describeType(schema)).toBe(describeType(schema))
  })

  it('rejects schema constructs DSPy has no type for, naming where', () => {
    const bad = Type.Object({ when: Type.Unsafe({ type: 'date' }) }, { title: 'Event' })
    expect(() => describeType(bad)).toThrow(TypeDefinitionError)
    expect(() => describeType(bad)).toThrow('Unsupported schema type "date" at #/properties/when.')
    expect(() => describeType(Type.Unsafe({ const: {} }))).toThrow('Literal values must be')
  })
})

describe('describeType on hostile schemas', () => {
  it('describes a schema nested 999 levels deep and refuses one nested 5,000 levels or holding itself', () => {
    let schema: TSchema = t.integer()
    for (let level = 0; level < 999; level += 1) schema = t.list(schema)
    expect(describeType(schema).kind).toBe('list')
    for (let level = 0; level < 4001; level += 1) schema = t.list(schema)
    expect(() => describeType(schema)).toThrow(TypeDefinitionError)
    const itself: Record<string, unknown> = { type: 'array' }
    itself.items = itself
    expect(() => describeType(itself as never)).toThrow('more than 1000 levels deep (or contains itself)')
  })
})
