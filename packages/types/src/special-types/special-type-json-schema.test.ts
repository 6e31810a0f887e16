import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import type { SpecialNode, SpecialTypeName } from '../type-node.js'
import { recorded } from './__fixtures__/dspy-special-types.js'
import { specialTypeJSONSchema } from './special-type-json-schema.js'

/** Compares key order too, which `toEqual` ignores. */
function expectSameJSON(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

const names: Exclude<SpecialTypeName, 'Tool'>[] = [
  'Image',
  'Audio',
  'File',
  'History',
  'ToolCalls',
  'ToolCallResults',
  'Code',
  'Reasoning',
  'Document',
  'Citations',
]

describe('specialTypeJSONSchema equals pydantic’s TypeAdapter(dspy.X).json_schema()', () => {
  for (const name of names) {
    it(name, () => {
      expectSameJSON(specialTypeJSONSchema({ kind: 'special', name }), recorded.json_schemas[name])
    })
  }

  it('Code["java"] (a docstring-less subclass named Code_java)', () => {
    expectSameJSON(specialTypeJSONSchema({ kind: 'special', name: 'Code', language: 'java' }), recorded.json_schemas.Code_java)
  })

  it('returns a fresh object each call', () => {
    const node: SpecialNode = { kind: 'special', name: 'Citations' }
    const first = specialTypeJSONSchema(node)
    first.title = 'changed'
    expect(specialTypeJSONSchema(node).title).toBe('Citations')
  })

  it('throws a typed error for Tool, which pydantic cannot describe either', () => {
    expect(() => specialTypeJSONSchema({ kind: 'special', name: 'Tool' })).toThrow(SpecialTypeError)
    expect(() => specialTypeJSONSchema({ kind: 'special', name: 'Tool' })).toThrow('Tool has no JSON Schema')
  })
})
