import { describe, expect, it } from 'vitest'
import { fieldSchemas, type GoldenFormatCase, loadGoldenFormatCases, renderedDemos } from './__fixtures__/dspy-golden-format-cases.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { formatFieldValue } from './format-field-value.js'
import { specialTypeSchema } from './special-type-schema.js'
import { t } from './type-builder.js'

const Person = t.model(
  'Person',
  {
    name: t.string(),
    age: t.integer(),
    emails: t.withDefault(t.list(t.string()), []),
    address: t.withDefault(t.optional(t.model('Address', { street: t.string(), city: t.string() })), null),
  },
  { description: 'A person record.' },
)
const Point = t.model('Point', { x: t.number(), y: t.number(), label: t.string() })
const Color = t.enum('Color', { RED: 'red', BLUE: 'blue' })
const Priority = t.enum('Priority', { LOW: 1, HIGH: 3 })

describe('formatFieldValue: DSPy reference values (DSPY.md §2.3, §2.4)', () => {
  it.each([
    ['list[str] as JSON', ['c1', 'c2'], t.list(t.string()), '["c1", "c2"]'],
    ['model as JSON', { name: 'A', age: 1 }, t.model('Person', { name: t.string(), age: t.integer() }), '{"name": "A", "age": 1}'],
    ['float', 0.5, t.number(), '0.5'],
    ['bool', true, t.boolean(), 'True'],
    ['None', null, t.optional(t.string()), 'None'],
    ['integral float', 1, t.number(), '1.0'],
    ['small float', 0.00001, t.number(), '1e-05'],
    ['int', 1, t.integer(), '1'],
    ['str raw', 'What?', t.string(), 'What?'],
    ['enum by value', 'red', Color, 'red'],
    ['literal', 'a', t.literal('a', 'b'), 'a'],
    ['list with newline', ['one line', 'multi\nline'], t.list(t.string()), '["one line", "multi\\nline"]'],
    ['unicode kept in JSON', ['Ünïcödé ✓', '日本語'], t.list(t.string()), '["Ünïcödé ✓", "日本語"]'],
    ['unicode kept raw', 'Ünïcödé ✓ — <b>bold</b> & "quotes"', t.string(), 'Ünïcödé ✓ — <b>bold</b> & "quotes"'],
    ['dict', { x: 1 }, t.dict(t.integer()), '{"x": 1}'],
    ['empty list', [], t.list(t.string()), '[]'],
    ['history', { messages: [] }, specialTypeSchema('History'), '{"messages": []}'],
  ])('%s', (_name, value, schema, expected) => {
    expect(formatFieldValue(value, schema)).toBe(expected)
  })
})

describe('formatFieldValue: a list given to a str field', () => {
  it.each([
    ['empty', [], 'N/A'],
    ['one item', ['only'], '«only»'],
    ['several', ['a', 'b'], '[1] «a»\n[2] «b»'],
    ['multi-line item (generated)', ['single line', 'two\nlines'], '[1] «single line»\n[2] «««\n    two\n    lines\n»»»'],
    ['one multi-line item', ['a\nb'], '«««\n    a\n    b\n»»»'],
    ['item with guillemets', ['The «Louvre»'], '«««\n    The «Louvre»\n»»»'],
    ['item with closing guillemet', ['x', 'a » b'], '[1] «x»\n[2] «««\n    a » b\n»»»'],
    ['ten items', Array.from({ length: 10 }, (_, i) => `p${i}`), Array.from({ length: 10 }, (_, i) => `[${i + 1}] «p${i}»`).join('\n')],
    ['non-string items as Python str()', [1, true, null, { k: 'v' }], "[1] «1»\n[2] «True»\n[3] «None»\n[4] «{'k': 'v'}»"],
  ])('%s', (_name, value, expected) => {
    expect(formatFieldValue(value, t.string())).toBe(expected)
  })

  it('applies only when the type is exactly str', () => {
    expect(formatFieldValue(['a', 'b'], t.optional(t.string()))).toBe('["a", "b"]')
    expect(formatFieldValue(['a', 'b'], t.any())).toBe('["a", "b"]')
    expect(formatFieldValue(['a'], t.list(t.string()))).toBe('["a"]')
  })
})

describe('formatFieldValue: float awareness and models', () => {
  it('prints integral numbers as floats wherever the type says float', () => {
    expect(formatFieldValue([1, 2.5], t.list(t.number()))).toBe('[1.0, 2.5]')
    expect(formatFieldValue({ a: 1 }, t.dict(t.number()))).toBe('{"a": 1.0}')
    expect(formatFieldValue([1, 'a'], t.tuple([t.number(), t.string()]))).toBe('[1.0, "a"]')
    expect(formatFieldValue({ x: 1, y: 2.5, label: 'p' }, Point)).toBe('{"x": 1.0, "y": 2.5, "label": "p"}')
    expect(formatFieldValue([{ x: 0, y: -0, label: 'o' }], t.list(Point))).toBe('[{"x": 0.0, "y": -0.0, "label": "o"}]')
    expect(formatFieldValue(1, t.optional(t.number()))).toBe('1.0')
    expect(formatFieldValue({ a: [1] }, t.dict(t.list(t.number())))).toBe('{"a": [1.0]}')
  })

  it('keeps ints where a union allows an int', () => {
    expect(formatFieldValue(1, t.union([t.number(), t.integer()]))).toBe('1')
    expect(formatFieldValue(1.5, t.union([t.integer(), t.number()]))).toBe('1.5')
    expect(formatFieldValue(1, t.any())).toBe('1')
  })

  it('writes models in declaration order with defaults filled in, as model_dump does', () => {
    expect(formatFieldValue({ age: 41, name: 'Alan' }, Person)).toBe('{"name": "Alan", "age": 41, "emails": [], "address": null}')
    expect(formatFieldValue({ name: 'Ada', age: 36, address: { city: 'London', street: '12 St' } }, Person)).toBe(
      '{"name": "Ada", "age": 36, "emails": [], "address": {"street": "12 St", "city": "London"}}',
    )
  })

  it('writes enums as their values', () => {
    expect(formatFieldValue(3, Priority)).toBe('3')
    expect(formatFieldValue(['red', 'blue'], t.list(Color))).toBe('["red", "blue"]')
  })

  it('keeps NaN and infinities under a declared float and nulls them in plain lists', () => {
    expect(formatFieldValue(Number.NaN, t.number())).toBe('nan')
    expect(formatFieldValue(Number.POSITIVE_INFINITY, t.number())).toBe('inf')
    expect(formatFieldValue([Number.NaN, 1], t.list(t.number()))).toBe('[null, 1.0]')
    expect(formatFieldValue({ x: Number.POSITIVE_INFINITY, y: 1, label: '' }, Point)).toBe('{"x": Infinity, "y": 1.0, "label": ""}')
  })

  it('writes values that do not match the type by their own type', () => {
    expect(formatFieldValue('Not supplied for this particular example. ', t.integer())).toBe('Not supplied for this particular example. ')
    expect(formatFieldValue('text', Person)).toBe('text')
    expect(formatFieldValue(undefined, t.string())).toBe('None')
    expect(formatFieldValue(new Set(['a']), t.set(t.string()))).toBe('["a"]')
  })

  it('uses toJSON for special-type objects and dates', () => {
    const image = { toJSON: () => ({ url: 'https://example.com/a.png' }) }
    expect(formatFieldValue(image, specialTypeSchema('Image'))).toBe('{"url": "https://example.com/a.png"}')
    expect(formatFieldValue({ toJSON: () => 'print(1)' }, specialTypeSchema('Code', 'python'))).toBe('print(1)')
    expect(formatFieldValue(new Date(Date.UTC(2024, 0, 2)), t.string())).toBe('2024-01-02T00:00:00.000Z')
  })

  it('returns the same text when called again with the same schema', () => {
    const schema = t.list(t.number())
    expect(formatFieldValue([3], schema)).toBe('[3.0]')
    expect(formatFieldValue([3], schema)).toBe('[3.0]')
  })

  it('fails on values JSON cannot hold', () => {
    expect(() => formatFieldValue([() => 1], t.list(t.any()))).toThrow(ValueSerializationError)
  })
})

// ---- golden cases: every value DSPy wrote into a prompt through format_field_value ----

interface SectionStyle {
  open(name: string): string
  close(name: string): string
}

const bracketStyle: SectionStyle = { open: (name) => `[[ ## ${name} ## ]]\n`, close: () => '' }
const xmlStyle: SectionStyle = { open: (name) => `<${name}>\n`, close: (name) => `\n</${name}>` }
const incompletePrefix = 'This is an example of the task, though some input or output fields are not supplied.'
const completedMarker = '\n\n[[ ## completed ## ]]\n'

interface Turn {
  role: 'user' | 'assistant'
  prefix: string
  values: [string, unknown][]
  /** What follows the last section: '' (end of message), the output requirements or the completed marker. */
  terminator: 'end' | 'requirements' | 'completed'
}

/** The turns DSPy builds for a record, in order, with the values each one shows. */
function expectedTurns(record: GoldenFormatCase): Turn[] {
  const fields = record.signature.fields
  const inputs = fields.filter((field) => field.io === 'input').map((field) => field.name)
  const outputs = fields.filter((field) => field.io === 'output').map((field) => field.name)
  const history = fields.find((field) => field.io === 'input' && field.type.kind === 'history')?.name
  const assistantEnd = record.adapter === 'ChatAdapter' ? 'completed' : 'end'
  const demos = renderedDemos(record)
  const isComplete = (demo: Record<string, unknown>): boolean => fields.every((field) => field.name in demo && demo[field.name] !== null)
  const ordered = [...demos.filter((demo) => !isComplete(demo)), ...demos.filter(isComplete)]
  const turns: Turn[] = []
  for (const demo of ordered) {
    const complete = isComplete(demo)
    const missing = complete ? 'Not supplied for this conversation history message. ' : 'Not supplied for this particular example. '
    turns.push({
      role: 'user',
      prefix: complete ? '' : incompletePrefix,
      values: inputs.filter((name) => name in demo).map((name) => [name, demo[name]]),
      terminator: 'end',
    })
    turns.push({
      role: 'assistant',
      prefix: '',
      values: outputs.map((name) => [name, name in demo ? demo[name] : missing]),
      terminator: assistantEnd,
    })
  }
  const current = inputs.filter((name) => name !== history)
  const messages = history === undefined ? [] : ((record.inputs[history] as { messages: Record<string, unknown>[] }).messages ?? [])
  for (const message of messages) {
    const present = current.filter((name) => name in message)
    if (present.length > 0) {
      turns.push({ role: 'user', prefix: '', values: present.map((name) => [name, message[name]]), terminator: 'end' })
    }
    turns.push({
      role: 'assistant',
      prefix: '',
      values: outputs.map((name) => [name, message[name] ?? null]),
      terminator: assistantEnd,
    })
  }
  turns.push({
    role: 'user',
    prefix: '',
    values: current.filter((name) => name in record.inputs).map((name) => [name, record.inputs[name]]),
    terminator: 'requirements',
  })
  return turns
}

/** Cuts a message into the text of each of its sections, knowing their order. */
function sectionTexts(content: string, turn: Turn, style: SectionStyle): Map<string, string> {
  const texts = new Map<string, string>()
  let cursor = 0
  if (turn.prefix !== '') {
    expect(content.startsWith(`${turn.prefix}\n\n`)).toBe(true)
    cursor = turn.prefix.length + 2
  }
  turn.values.forEach(([name], index) => {
    const open = style.open(name)
    expect(content.slice(cursor, cursor + open.length), `header of ${name}`).toBe(open)
    cursor += open.length
    const next = turn.values[index + 1]?.[0]
    let end: number
    let delimiter: string
    if (next !== undefined) {
      delimiter = `${style.close(name)}\n\n${style.open(next)}`
      end = content.indexOf(delimiter, cursor)
    } else if (turn.terminator === 'requirements') {
      delimiter = `${style.close(name)}\n\nRespond with`
      end = content.lastIndexOf(delimiter)
    } else if (turn.terminator === 'completed') {
      delimiter = completedMarker
      end = content.lastIndexOf(delimiter)
    } else {
      delimiter = style.close(name)
      end = content.length - delimiter.length
    }
    expect(end, `end of ${name}`).toBeGreaterThanOrEqual(cursor)
    texts.set(name, content.slice(cursor, end))
    cursor = end + delimiter.length - (next !== undefined ? style.open(next).length : 0)
  })
  return texts
}

/** Every value of every turn whose sections go through format_field_value, formatted by us and cut from DSPy's messages. */
function compareGoldenValues(record: GoldenFormatCase): { field: string; turn: number; expected: string; actual: string }[] {
  const schemas = fieldSchemas(record)
  const messages = (record.expected.messages ?? []).slice(1)
  const turns = expectedTurns(record)
  expect(messages.map((message) => message.role)).toEqual(turns.map((turn) => turn.role))
  const style = record.adapter === 'XMLAdapter' ? xmlStyle : bracketStyle
  const mismatches: { field: string; turn: number; expected: string; actual: string }[] = []
  turns.forEach((turn, index) => {
    // JSONAdapter assistant turns are JSON objects and XMLAdapter output values are escaped or nested:
    // format-json-value.test.ts and the XML adapter check those.
    if (turn.role === 'assistant' && record.adapter !== 'ChatAdapter') return
    const content = messages[index]?.content ?? ''
    const texts = sectionTexts(content, turn, style)
    turn.values.forEach(([name, value], position) => {
      const schema = schemas.get(name)?.schema
      if (schema === undefined) throw new Error(`No field ${name} in ${record.case_id}`)
      const formatted = formatFieldValue(value, schema)
      // DSPy strips the joined sections, which trims the last value unless the requirements follow it.
      const stripped = position === turn.values.length - 1 && turn.terminator !== 'requirements'
      const expected = texts.get(name) ?? ''
      const actual = stripped ? formatted.trimEnd() : formatted
      if (actual !== expected) mismatches.push({ field: name, turn: index, expected, actual })
    })
  })
  return mismatches
}

describe('formatFieldValue: DSPy golden format cases', () => {
  const cases = loadGoldenFormatCases()
  it('has the format cases', () => {
    expect(cases.filter((record) => record.adapter === 'ChatAdapter').length).toBeGreaterThanOrEqual(24)
  })
  it.each(cases.map((record) => [record.case_id, record] as const))('%s', (_id, record) => {
    expect(compareGoldenValues(record)).toEqual([])
  })
})

/** A value `depth` levels deep: `[[...[1]...]]`. */
function nestedList(depth: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level += 1) value = [value]
  return value
}

/** An array that holds itself. */
function selfHolding(): unknown[] {
  const value: unknown[] = []
  value.push(value)
  return value
}

/** The error `action` throws, which must be a ValueSerializationError. */
function serializationError(action: () => unknown): ValueSerializationError {
  try {
    action()
  } catch (error) {
    if (ValueSerializationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ValueSerializationError')
}

describe('formatFieldValue on values too deep to write', () => {
  it('writes a demo value 1,000 levels deep and refuses 100,000 levels (or a value holding itself) with a typed error', () => {
    expect(formatFieldValue(nestedList(999), t.list(t.any()))).toBe(`${'['.repeat(999)}1${']'.repeat(999)}`)
    for (const value of [nestedList(100_000), selfHolding()]) {
      for (const schema of [t.string(), t.any(), t.list(t.any()), t.dict(t.any())]) {
        expect(serializationError(() => formatFieldValue(value, schema)).code).toBe('value-serialization-too-deep')
      }
    }
  })
})
