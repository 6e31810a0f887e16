import { describe, expect, it } from 'vitest'
import { createGoogleFunctionCallAssembler, parseGoogleJSONPath } from './google-function-call-assembler.js'

describe('parseGoogleJSONPath', () => {
  it('reads dotted names, indexes and quoted names', () => {
    expect(parseGoogleJSONPath('$.recipe.steps[0]')).toEqual(['recipe', 'steps', 0])
    expect(parseGoogleJSONPath("$['a b'].c")).toEqual(['a b', 'c'])
    expect(parseGoogleJSONPath('$')).toEqual([])
  })

  it('rejects paths it cannot read', () => {
    expect(parseGoogleJSONPath('recipe')).toBeUndefined()
    expect(parseGoogleJSONPath('$..x')).toBeUndefined()
    expect(parseGoogleJSONPath('$[x]')).toBeUndefined()
  })
})

describe('createGoogleFunctionCallAssembler', () => {
  it('gives a whole call at once, keeping its args', () => {
    const calls = createGoogleFunctionCallAssembler()
    expect(calls.add({ name: 'f', args: { a: 1 } }, 'sig')).toEqual([{ name: 'f', args: { a: 1 }, signature: 'sig' }])
    expect(calls.flush()).toBeUndefined()
  })

  it('closes an open call when the next one starts', () => {
    const calls = createGoogleFunctionCallAssembler()
    expect(calls.add({ name: 'f', willContinue: true })).toEqual([])
    expect(calls.add({ partialArgs: [{ jsonPath: '$.x', stringValue: 'y' }], willContinue: true })).toEqual([])
    expect(calls.add({ name: 'g' })).toEqual([
      { name: 'f', args: { x: 'y' } },
      { name: 'g', args: {} },
    ])
  })

  it('ignores pieces that belong to no call and keys that would reach the prototype', () => {
    const calls = createGoogleFunctionCallAssembler()
    expect(calls.add({})).toEqual([])
    calls.add({ name: 'f', willContinue: true })
    calls.add({ partialArgs: [{ jsonPath: '$.__proto__.polluted', boolValue: true }], willContinue: true })
    const [call] = calls.add({})
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(call?.args)).toBe(Object.prototype)
  })
})
