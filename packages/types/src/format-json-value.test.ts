import type { TSchema } from 'typebox'
import { describe, expect, it } from 'vitest'
import { fieldSchemas, type GoldenFormatCase, loadGoldenFormatCases, renderedDemos } from './__fixtures__/dspy-golden-format-cases.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { formatJSONObject, serializeForJSON } from './format-json-value.js'
import { specialTypeSchema } from './special-type-schema.js'
import { t } from './type-builder.js'

const Person = t.model('Person', {
  name: t.string(),
  age: t.integer(),
  score: t.withDefault(t.number(), 0),
  tags: t.withDefault(t.list(t.string()), []),
})

describe('serializeForJSON', () => {
  it('returns JSON-able values and the pointers of integral floats', () => {
    const result = serializeForJSON([1, 2.5, 3], t.list(t.number()))
    expect(result.value).toEqual([1, 2.5, 3])
    expect([...result.floatPaths]).toEqual(['/0', '/2'])
    expect([...serializeForJSON(1, t.number()).floatPaths]).toEqual([''])
    expect(serializeForJSON(1, t.integer()).floatPaths.size).toBe(0)
  })

  it('dumps models in declaration order with defaults and drops nothing the user gave', () => {
    const result = serializeForJSON({ age: 3, name: 'x', extra: true }, Person)
    expect(Object.keys(result.value as object)).toEqual(['name', 'age', 'score', 'tags', 'extra'])
    expect(result.value).toEqual({ name: 'x', age: 3, score: 0, tags: [], extra: true })
    expect([...result.floatPaths]).toEqual(['/score'])
  })

  it('turns Sets, Maps and toJSON objects into JSON', () => {
    expect(serializeForJSON(new Set([1]), t.set(t.integer())).value).toEqual([1])
    expect(serializeForJSON(new Map([['a', 1]]), t.dict(t.integer())).value).toEqual({ a: 1 })
    expect(serializeForJSON({ toJSON: () => ({ url: 'u' }) }, specialTypeSchema('Image')).value).toEqual({ url: 'u' })
  })

  it('nulls non-finite numbers under Any and plain containers, keeps them under a declared float', () => {
    expect(serializeForJSON(Number.NaN, t.number()).value).toBeNaN()
    expect(serializeForJSON([Number.NaN], t.list(t.number())).value).toEqual([null])
    expect(serializeForJSON({ a: Number.POSITIVE_INFINITY }, t.dict(t.number())).value).toEqual({ a: null })
    const Reading = t.model('Reading', { value: t.number(), raw: t.any(), series: t.list(t.number()) })
    expect(serializeForJSON([{ value: Number.NaN, raw: Number.NaN, series: [Number.NaN] }], t.list(Reading)).value).toEqual([
      { value: Number.NaN, raw: null, series: [Number.NaN] },
    ])
  })

  it('throws on values JSON cannot hold', () => {
    expect(() => serializeForJSON({ f: Symbol('x') }, t.any())).toThrow(ValueSerializationError)
    expect(() => serializeForJSON([2n ** 64n], t.list(t.integer()))).toThrow(ValueSerializationError)
    expect(serializeForJSON([2n], t.list(t.integer())).value).toEqual([2])
  })
})

describe('formatJSONObject', () => {
  it('writes json.dumps(..., indent=2, ensure_ascii=False) with Python floats', () => {
    expect(formatJSONObject({ answer: 'Paris', score: 1 }, { answer: t.string(), score: t.number() })).toBe(
      '{\n  "answer": "Paris",\n  "score": 1.0\n}',
    )
    expect(
      formatJSONObject(
        { count: 3, score: 0.5, is_valid: true, tags: ['a', 'b'], counts: { x: 1 } },
        {
          count: t.integer(),
          score: t.number(),
          is_valid: t.boolean(),
          tags: t.list(t.string()),
          counts: t.dict(t.integer()),
        },
      ),
    ).toBe('{\n  "count": 3,\n  "score": 0.5,\n  "is_valid": true,\n  "tags": [\n    "a",\n    "b"\n  ],\n  "counts": {\n    "x": 1\n  }\n}')
  })

  it('keeps unicode, writes null for None and undefined, [] and {} for empty containers', () => {
    expect(formatJSONObject({ a: 'é ✓ 日本', b: null, c: undefined, d: [], e: {} }, {})).toBe(
      '{\n  "a": "é ✓ 日本",\n  "b": null,\n  "c": null,\n  "d": [],\n  "e": {}\n}',
    )
  })

  it('writes a missing-field message as a string whatever the type', () => {
    expect(formatJSONObject({ n: 'Not supplied for this particular example. ' }, { n: t.integer() })).toBe(
      '{\n  "n": "Not supplied for this particular example. "\n}',
    )
  })

  it('nulls a top-level NaN (the record is a plain dict) but keeps one inside a model', () => {
    const Point = t.model('Point', { x: t.number() })
    expect(formatJSONObject({ score: Number.NaN, point: { x: Number.NaN } }, { score: t.number(), point: Point })).toBe(
      '{\n  "score": null,\n  "point": {\n    "x": NaN\n  }\n}',
    )
  })

  it('honours another indent', () => {
    expect(formatJSONObject({ a: [1] }, { a: t.list(t.number()) }, 4)).toBe('{\n    "a": [\n        1.0\n    ]\n}')
  })
})

// ---- golden cases: JSONAdapter assistant turns (demos and conversation history) ----

/** The output records of the assistant turns DSPy writes for a JSONAdapter record, in order. */
function assistantRecords(record: GoldenFormatCase): Record<string, unknown>[] {
  const fields = record.signature.fields
  const outputs = fields.filter((field) => field.io === 'output').map((field) => field.name)
  const history = fields.find((field) => field.io === 'input' && field.type.kind === 'history')?.name
  const demos = renderedDemos(record)
  const isComplete = (demo: Record<string, unknown>): boolean => fields.every((field) => field.name in demo && demo[field.name] !== null)
  const records: Record<string, unknown>[] = []
  for (const demo of [...demos.filter((demo) => !isComplete(demo)), ...demos.filter(isComplete)]) {
    const missing = isComplete(demo) ? 'Not supplied for this conversation history message. ' : 'Not supplied for this particular example. '
    records.push(Object.fromEntries(outputs.map((name) => [name, name in demo ? demo[name] : missing])))
  }
  const messages = history === undefined ? [] : (record.inputs[history] as { messages: Record<string, unknown>[] }).messages
  for (const message of messages ?? []) {
    records.push(Object.fromEntries(outputs.map((name) => [name, message[name] ?? null])))
  }
  return records
}

describe('formatJSONObject: DSPy golden JSONAdapter assistant turns', () => {
  const cases = loadGoldenFormatCases('JSONAdapter')
  it('has the JSONAdapter format cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24)
  })
  it.each(cases.map((record) => [record.case_id, record] as const))('%s', (_id, record) => {
    const schemas: Record<string, TSchema> = {}
    for (const [name, field] of fieldSchemas(record)) schemas[name] = field.schema
    const expected = (record.expected.messages ?? []).filter((message) => message.role === 'assistant').map((m) => m.content)
    const actual = assistantRecords(record).map((outputs) => formatJSONObject(outputs, schemas))
    expect(actual).toEqual(expected)
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

describe('serializeForJSON and formatJSONObject on values too deep to write', () => {
  it('serialise 1,000 levels under any type and refuse more (or a value holding itself)', () => {
    expect(serializeForJSON(nestedList(999), t.list(t.any())).value).toEqual(nestedList(999))
    for (const value of [nestedList(100_000), selfHolding()]) {
      const cases: [unknown, TSchema][] = [
        [value, t.any()],
        [value, t.list(t.any())],
        [{ a: value }, t.dict(t.any())],
        [{ items: value }, t.model('Box', { items: t.list(t.any()) })],
      ]
      for (const [given, schema] of cases) {
        expect(serializationError(() => serializeForJSON(given, schema)).code).toBe('value-serialization-too-deep')
      }
      expect(serializationError(() => formatJSONObject({ answer: value }, {})).code).toBe('value-serialization-too-deep')
    }
  })
})
