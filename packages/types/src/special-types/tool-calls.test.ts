import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { ValueParseError } from '../errors/value-parse-error.js'
import { pythonJSONDumps } from '../python-json-dumps.js'
import { recorded, recordedValues } from './__fixtures__/dspy-special-types.js'
import { specialTypeJSONSchema } from './special-type-json-schema.js'
import { Tool } from './tool.js'
import { ToolCall, ToolCalls } from './tool-calls.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

const search = { name: 'search', args: { query: 'cats' } }

describe('ToolCalls shape normalisation', () => {
  it('DSPy shape { tool_calls: [{ name, args }] }', () => {
    const calls = ToolCalls.from({ tool_calls: [search] })
    expect(calls.tool_calls).toHaveLength(1)
    expect(calls.tool_calls[0]).toEqual(expect.objectContaining({ id: null, name: 'search', args: { query: 'cats' } }))
  })

  it('a list of calls, and a single call', () => {
    expect(ToolCalls.from([search, { name: 'translate', args: { text: 'hi' } }]).tool_calls.map((call) => call.name)).toEqual(['search', 'translate'])
    expect(ToolCalls.from(search).tool_calls[0]?.args).toEqual({ query: 'cats' })
    expect(ToolCalls.from([]).tool_calls).toEqual([])
  })

  it('OpenAI shape, with a JSON-string arguments and the call id kept', () => {
    const calls = ToolCalls.from([{ id: 'call_1', type: 'function', function: { name: 'search', arguments: '{"query": "cats", "limit": 3}' } }])
    expect(calls.tool_calls[0]).toEqual(expect.objectContaining({ id: 'call_1', name: 'search', args: { query: 'cats', limit: 3 } }))
  })

  it('repairs broken JSON arguments', () => {
    const calls = ToolCalls.from({ function: { name: 'search', arguments: "{'query': 'cats', 'limit': 3," } })
    expect(calls.tool_calls[0]?.args).toEqual({ query: 'cats', limit: 3 })
  })

  it('takes `arguments` beside `name`, `call_id` as the id, and the outer name when function has none', () => {
    expect(ToolCalls.from({ name: 'lookup', arguments: '{"id": 7}', call_id: 'c2' }).tool_calls[0]).toEqual(
      expect.objectContaining({ id: 'c2', name: 'lookup', args: { id: 7 } }),
    )
    expect(ToolCalls.from({ name: 'outer', function: { arguments: {} } }).tool_calls[0]?.name).toBe('outer')
  })

  it('treats arguments that are neither a string nor an object as no arguments', () => {
    expect(ToolCalls.from({ name: 'ping', args: null }).tool_calls[0]?.args).toEqual({})
    expect(ToolCalls.from({ function: { name: 'ping', arguments: 3 } }).tool_calls[0]?.args).toEqual({})
  })

  it('keeps tool_call_results, and ToolCall instances as they are', () => {
    const call = new ToolCall(search)
    const calls = ToolCalls.from({ tool_calls: [call], tool_call_results: { done: true } })
    expect(calls.tool_calls[0]).toBe(call)
    expect(calls.tool_call_results).toEqual({ done: true })
    expect(ToolCalls.from(calls)).toBe(calls)
    expect(ToolCalls.fromDictList([search]).toJSON()).toEqual({ tool_calls: [search] })
  })
})

describe('ToolCalls invalid input', () => {
  it('rejects unrecognised shapes, naming the value', () => {
    for (const value of ['search', 42, { tool_calls: 'x' }, { query: 'cats' }, [search, 'x']]) {
      const error = thrown(() => ToolCalls.from(value))
      expect(error.typeName).toBe('ToolCalls')
      expect(error.message.startsWith('Received invalid value for `dspy.ToolCalls`: ')).toBe(true)
    }
    expect(thrown(() => ToolCalls.from({ name: 'x' })).message).toBe("Received invalid value for `dspy.ToolCalls`: {'name': 'x'}")
  })

  it('rejects a call without a string name', () => {
    expect(thrown(() => ToolCalls.from({ tool_calls: [{ args: {} }] })).message).toBe('Tool call `name` must be a string, received undefined.')
    expect(thrown(() => ToolCalls.from({ function: { arguments: '{}' } })).message).toContain('`name` must be a string')
  })

  it('rejects arguments text with no JSON object in it', () => {
    expect(thrown(() => ToolCalls.from({ name: 'search', arguments: 'just words' })).message).toBe(
      "Tool call search arguments must be a JSON object, received 'just words'.",
    )
    expect(thrown(() => ToolCalls.from({ name: 'search', arguments: '[1, 2]' })).message).toContain('must be a JSON object')
  })

  it('rejects a non-string id, a non-object function and a non-object item', () => {
    expect(thrown(() => ToolCalls.from({ id: 5, name: 'a', args: {} })).message).toBe('Tool call a `id` must be a string, received number.')
    expect(thrown(() => ToolCalls.from({ function: 'search' })).message).toBe("Received invalid function value for `dspy.ToolCalls`: 'search'")
    expect(thrown(() => ToolCalls.from({ tool_calls: [7] })).message).toBe('Received invalid tool call value for `dspy.ToolCalls`: 7')
    expect(thrown(() => new ToolCalls({} as never)).message).toContain('ToolCalls expects { tool_calls: [...] }')
  })
})

describe('ToolCalls serialisation matches DSPy', () => {
  for (const value of recordedValues('ToolCalls')) {
    it(`${JSON.stringify(value.input).slice(0, 80)}`, () => {
      const calls = ToolCalls.from(value.input)
      expect(calls.repr()).toBe(value.repr)
      expect(calls.toString()).toBe(value.str)
      expect(JSON.parse(JSON.stringify(calls))).toEqual(value.dump)
      expect(calls.format()).toEqual(value.format)
    })
  }

  it('dumps like Python json.dumps, without ids', () => {
    const calls = ToolCalls.from([{ id: 'call_1', function: { name: 'search', arguments: '{"q": "x"}' } }])
    expect(pythonJSONDumps(calls)).toBe('{"tool_calls": [{"name": "search", "args": {"q": "x"}}]}')
  })

  it('round-trips through toJSON', () => {
    const calls = ToolCalls.from([search])
    expect(ToolCalls.from(JSON.parse(JSON.stringify(calls))).toJSON()).toEqual(calls.toJSON())
  })

  it('has DSPy 3.3.1 description text', () => {
    expect(ToolCalls.description()).toBe(recorded.descriptions.ToolCalls)
  })

  it('has a JSON Schema hiding id and tool_call_results', () => {
    const schema = specialTypeJSONSchema({ kind: 'special', name: 'ToolCalls' })
    expect(JSON.stringify(schema)).toBe(JSON.stringify(recorded.json_schemas.ToolCalls))
    expect(JSON.stringify(schema)).not.toContain('"id"')
    expect(JSON.stringify(schema)).not.toContain('tool_call_results')
  })
})

describe('ToolCall.execute', () => {
  const call = new ToolCall({ name: 'add', args: { a: 1, b: 2 } })

  it('runs the function named by the call, from a record or a list of tools', async () => {
    expect(await call.execute({ add: ({ a, b }) => (a as number) + (b as number) })).toBe(3)
    const tool = new Tool(async ({ a, b }: { a: number; b: number }) => a * b, { name: 'add' })
    expect(await call.execute([tool])).toBe(2)
  })

  it('fails when no function has the name', async () => {
    await expect(call.execute({})).rejects.toThrow("Tool function 'add' not found. Please pass the tool functions to the `execute` method.")
  })

  it('wraps an error thrown by the function, keeping it as the cause', async () => {
    const failure = new Error('bad input')
    const error: unknown = await call
      .execute({
        add: () => {
          throw failure
        },
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SpecialTypeError)
    expect((error as SpecialTypeError).message).toBe("Error executing tool 'add': bad input")
    expect((error as SpecialTypeError).cause).toBe(failure)
  })
})

describe('ToolCalls on hostile arguments', () => {
  it('refuses argument text nested 100,000 levels deep with its own error, the ValueParseError as cause', () => {
    try {
      ToolCalls.from([{ id: 'call_1', type: 'function', function: { name: 'search', arguments: '{"a": '.repeat(100_000) } }])
      throw new Error('expected a SpecialTypeError')
    } catch (error) {
      if (!SpecialTypeError.isInstance(error)) throw error
      expect(error.message.startsWith('Tool call search arguments cannot be read:')).toBe(true)
      expect(ValueParseError.isInstance(error.cause)).toBe(true)
    }
  })
})
