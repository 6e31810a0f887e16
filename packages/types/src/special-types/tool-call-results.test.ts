import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonJSONDumps } from '../python-json-dumps.js'
import { recorded, recordedValues } from './__fixtures__/dspy-special-types.js'
import { specialTypeJSONSchema } from './special-type-json-schema.js'
import { ToolCallResult, ToolCallResults } from './tool-call-results.js'
import { ToolCalls } from './tool-calls.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('ToolCallResults', () => {
  it('accepts the object, a list of results, or one result', () => {
    const result = { call_id: 'c1', name: 'search', value: 'x' }
    expect(ToolCallResults.from({ tool_call_results: [result] }).tool_call_results[0]).toBeInstanceOf(ToolCallResult)
    expect(ToolCallResults.from([result]).tool_call_results).toHaveLength(1)
    expect(ToolCallResults.from({ name: 'search', value: 1 }).tool_call_results[0]).toEqual(
      expect.objectContaining({ call_id: null, is_error: false }),
    )
    const results = ToolCallResults.from([result])
    expect(ToolCallResults.from(results)).toBe(results)
  })

  it('pairs tool calls with values', () => {
    const calls = ToolCalls.from([
      { id: 'call_1', function: { name: 'search', arguments: '{}' } },
      { name: 'add', args: {} },
    ])
    const results = ToolCallResults.fromToolCallsAndValues(calls, ['result x', 3], [false, true])
    expect(pythonJSONDumps(results)).toBe(
      '{"tool_call_results": [{"call_id": "call_1", "name": "search", "value": "result x", "is_error": false}, {"call_id": null, "name": "add", "value": 3, "is_error": true}]}',
    )
    expect(ToolCallResults.fromToolCallsAndValues(calls.tool_calls, [1, 2]).tool_call_results.map((r) => r.is_error)).toEqual([false, false])
  })

  it('checks the lengths', () => {
    const calls = ToolCalls.from([{ name: 'a', args: {} }])
    expect(thrown(() => ToolCallResults.fromToolCallsAndValues(calls, [])).message).toBe('`tool_calls` and `values` must have the same length.')
    expect(thrown(() => ToolCallResults.fromToolCallsAndValues(calls, [1], [])).message).toBe(
      '`is_errors` must have the same length as `tool_calls` when provided.',
    )
  })

  it('names what is wrong', () => {
    expect(thrown(() => ToolCallResults.from('x')).message).toBe("Received invalid value for `dspy.ToolCallResults`: 'x'")
    expect(thrown(() => ToolCallResults.from([{ value: 1 }])).message).toBe('Tool call result `name` must be a string, received undefined.')
    expect(thrown(() => ToolCallResults.from([{ name: 'a' }])).message).toBe('Tool call result a needs a `value`.')
    expect(thrown(() => ToolCallResults.from([{ name: 'a', value: 1, is_error: 'no' }])).message).toContain('`is_error` must be a boolean')
    expect(thrown(() => ToolCallResults.from([{ name: 'a', value: 1, call_id: 3 }])).typeName).toBe('ToolCallResults')
  })

  for (const value of recordedValues('ToolCallResults')) {
    it(`prints and serialises like DSPy: ${JSON.stringify(value.input)}`, () => {
      const results = ToolCallResults.from(value.input)
      expect(results.repr()).toBe(value.repr)
      expect(results.toString()).toBe(value.str)
      expect(JSON.parse(JSON.stringify(results))).toEqual(value.dump)
    })
  }

  it('has pydantic’s JSON Schema and no type description', () => {
    expect(JSON.stringify(specialTypeJSONSchema({ kind: 'special', name: 'ToolCallResults' }))).toBe(
      JSON.stringify(recorded.json_schemas.ToolCallResults),
    )
    expect(ToolCallResults.description()).toBe('')
  })
})
