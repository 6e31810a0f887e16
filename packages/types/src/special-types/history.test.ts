import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonJSONDumps } from '../python-json-dumps.js'
import { recordedValues } from './__fixtures__/dspy-special-types.js'
import { History } from './history.js'
import { specialTypeJSONSchema } from './special-type-json-schema.js'
import { ToolCalls } from './tool-calls.js'

interface GoldenField {
  name: string
  type: { kind: string }
  json_schema: unknown
}

/** Every field of type History recorded in the golden file, with its case id. */
function goldenHistoryFields(): { caseId: string; field: GoldenField }[] {
  const lines = readFileSync(new URL('../../../../fixtures/dspy/golden.jsonl', import.meta.url), 'utf8').split('\n')
  return lines
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const record = JSON.parse(line) as { case_id: string; signature?: { fields?: GoldenField[] } }
      return (record.signature?.fields ?? []).filter((field) => field.type.kind === 'history').map((field) => ({ caseId: record.case_id, field }))
    })
}

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('History JSON Schema equals the golden cases', () => {
  const cases = goldenHistoryFields()

  it('finds History fields in the golden file', () => {
    expect(cases.length).toBeGreaterThan(0)
  })

  for (const { caseId, field } of cases) {
    it(`${caseId} field ${field.name}`, () => {
      const schema = specialTypeJSONSchema({ kind: 'special', name: 'History' })
      expect(schema).toEqual(field.json_schema)
      expect(JSON.stringify(schema)).toBe(JSON.stringify(field.json_schema))
    })
  }
})

describe('History', () => {
  it('holds its messages, frozen', () => {
    const history = new History({ messages: [{ question: 'q1', answer: 'a1' }] })
    expect(history.messages).toEqual([{ question: 'q1', answer: 'a1' }])
    expect(Object.isFrozen(history)).toBe(true)
    expect(Object.isFrozen(history.messages)).toBe(true)
    expect(Object.isFrozen(history.messages[0])).toBe(true)
    expect(History.from(history)).toBe(history)
  })

  it('strips whitespace around message keys but not values, as pydantic does', () => {
    expect(new History({ messages: [{ ' q ': ' a ' }] }).messages).toEqual([{ q: ' a ' }])
  })

  it('keeps special values inside messages and serialises them', () => {
    const calls = ToolCalls.from({ name: 'search', args: { q: 'x' } })
    const history = new History({ messages: [{ question: 'q', tool_calls: calls }] })
    expect(history.messages[0]?.tool_calls).toBe(calls)
    expect(pythonJSONDumps(history)).toBe('{"messages": [{"question": "q", "tool_calls": {"tool_calls": [{"name": "search", "args": {"q": "x"}}]}}]}')
    expect(history.repr()).toBe(
      "History(messages=[{'question': 'q', 'tool_calls': ToolCalls(tool_calls=[ToolCall(id=None, name='search', args={'q': 'x'})], tool_call_results=None)}])",
    )
  })

  it('names what is wrong', () => {
    expect(thrown(() => History.from({ messages: 'hi' })).message).toBe('History `messages` must be an array, received string.')
    expect(thrown(() => History.from({ messages: [{ a: 1 }, 'x'] })).message).toBe(
      'History messages[1] must be an object of field values, received string.',
    )
    expect(thrown(() => History.from({ messages: [], turns: 2 })).message).toContain('unexpected keys: turns')
    expect(thrown(() => History.from([{ a: 1 }])).message).toBe('History expects { messages: [...] }, received array.')
    expect(thrown(() => History.from({})).typeName).toBe('History')
  })

  for (const value of recordedValues('History')) {
    it(`prints and serialises like DSPy: ${JSON.stringify(value.input).slice(0, 60)}`, () => {
      const history = History.from(value.input)
      expect(history.repr()).toBe(value.repr)
      expect(history.toString()).toBe(value.str)
      expect(JSON.parse(JSON.stringify(history))).toEqual(value.dump)
    })
  }

  it('round-trips through JSON', () => {
    const history = new History({ messages: [{ question: 'q', count: 2, tags: ['a'] }] })
    expect(History.from(JSON.parse(JSON.stringify(history))).messages).toEqual(history.messages)
  })
})
