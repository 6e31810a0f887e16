import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { Item, Level, Status } from './__fixtures__/order-model.js'
import { StructuredOutputSchemaError } from './errors/structured-output-schema-error.js'
import { geminiResponseSchema } from './gemini-response-schema.js'
import type { JSONSchemaObject } from './json-schema-object.js'
import { specialTypeSchema } from './special-type-schema.js'
import type { StructuredOutputFields } from './structured-output-schema.js'
import { t } from './type-builder.js'

/** The fields of Gemini's `Schema` object (an OpenAPI 3.0 subset) that DSPex may write. */
const geminiKeywords = new Set([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'propertyOrdering',
  'items',
  'anyOf',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
])
const geminiTypes = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object'])

/**
 * Gemini's response-schema rules: only `Schema` fields (no `$ref`, `$defs`, `additionalProperties`,
 * `const`, `default`); nullability through `nullable`, never a `null` type; enums of strings only;
 * every object has properties, its `propertyOrdering` and a `required` within them.
 */
function expectGeminiSchema(schema: JSONSchemaObject, path = '#'): void {
  for (const key of Object.keys(schema)) expect(geminiKeywords.has(key), `${path}: keyword ${key}`).toBe(true)
  if (Array.isArray(schema.anyOf)) {
    expect(schema.anyOf.length, `${path}: anyOf`).toBeGreaterThan(1)
    for (const [index, member] of (schema.anyOf as JSONSchemaObject[]).entries()) {
      expectGeminiSchema(member, `${path}/anyOf/${index}`)
    }
    return
  }
  expect(geminiTypes.has(schema.type as string), `${path}: type ${String(schema.type)}`).toBe(true)
  if (schema.enum !== undefined) {
    expect(schema.type, `${path}: enum type`).toBe('string')
    for (const value of schema.enum as unknown[]) expect(typeof value, `${path}: enum value`).toBe('string')
  }
  if (schema.type === 'object') {
    const names = Object.keys(schema.properties as object)
    expect(names.length, `${path}: properties`).toBeGreaterThan(0)
    expect(schema.propertyOrdering, `${path}: propertyOrdering`).toEqual(names)
    for (const name of (schema.required ?? []) as string[]) expect(names, `${path}: required`).toContain(name)
    for (const [name, member] of Object.entries(schema.properties as object)) {
      expectGeminiSchema(member, `${path}/properties/${name}`)
    }
  }
  if (schema.type === 'array') expectGeminiSchema(schema.items as JSONSchemaObject, `${path}/items`)
}

/** Compiles the schema as draft-07 (Ajv reads OpenAPI's `nullable`; `propertyOrdering` is an annotation). */
function compileDraft07(schema: JSONSchemaObject): (data: unknown) => boolean {
  const ajv = new Ajv({ strict: true, allErrors: true })
  ajv.addKeyword({ keyword: 'propertyOrdering', schemaType: 'array' })
  const validate = ajv.compile(schema)
  return (data) => validate(data)
}

const fields: StructuredOutputFields = {
  answer: t.string(),
  status: Status,
  items: t.list(Item),
  first: t.optional(Item),
  tags: t.set(t.string()),
  kind: t.literal('a', 'b'),
  one: t.literal('x'),
  ratio: t.union([t.integer(), t.number()]),
  maybe: t.union([t.string(), t.integer(), t.none()]),
  score: t.optional(t.number()),
}

const item = {
  type: 'object',
  title: 'Item',
  description: 'One line of an order.',
  properties: {
    sku: { type: 'string', title: 'Sku' },
    qty: { type: 'integer', title: 'Qty' },
    price: { type: 'number', title: 'Price', description: 'Unit price' },
  },
  required: ['sku'],
  propertyOrdering: ['sku', 'qty', 'price'],
}

describe('geminiResponseSchema', () => {
  it('inlines definitions, turns Optional into nullable and orders properties', () => {
    const schema = geminiResponseSchema(fields)
    expectGeminiSchema(schema)
    expect(schema).toEqual({
      type: 'object',
      title: 'DSPyProgramOutputs',
      properties: {
        answer: { type: 'string', title: 'Answer' },
        status: { type: 'string', enum: ['open', 'closed'], title: 'Status', description: 'Order status.' },
        items: { type: 'array', title: 'Items', items: item },
        first: { ...item, nullable: true },
        tags: { type: 'array', title: 'Tags', items: { type: 'string' } },
        kind: { type: 'string', enum: ['a', 'b'], title: 'Kind' },
        one: { type: 'string', enum: ['x'], title: 'One' },
        ratio: { anyOf: [{ type: 'integer' }, { type: 'number' }], title: 'Ratio' },
        maybe: {
          anyOf: [
            { type: 'string', nullable: true },
            { type: 'integer', nullable: true },
          ],
          title: 'Maybe',
        },
        score: { type: 'number', title: 'Score', nullable: true },
      },
      required: Object.keys(fields),
      propertyOrdering: Object.keys(fields),
    })
  })

  it('gives schemas that accept good outputs and reject bad ones', () => {
    const validate = compileDraft07(geminiResponseSchema(fields))
    const good = {
      answer: 'ok',
      status: 'closed',
      items: [{ sku: 'a' }],
      first: null,
      tags: [],
      kind: 'a',
      one: 'x',
      ratio: 2,
      maybe: null,
      score: 0.5,
    }
    expect(validate(good)).toBe(true)
    expect(validate({ ...good, kind: 'c' })).toBe(false)
    expect(validate({ ...good, items: [{ qty: 1 }] })).toBe(false)
    expect(validate({ ...good, answer: null })).toBe(false)
  })

  it('expresses closed special types', () => {
    const schema = geminiResponseSchema({ picture: specialTypeSchema('Image') })
    expectGeminiSchema(schema)
  })

  it.each([
    ['a dict output', { counts: t.dict(t.integer()) }, '#/properties/counts', /open-ended mapping/],
    ['an Any output', { anything: t.any() }, '#/properties/anything', /Any/],
    ['a tuple output', { pair: t.tuple([t.integer(), t.string()]) }, '#/properties/pair', /tuple/],
    ['an integer enum', { level: Level }, '#/properties/level', /not all strings/],
    ['an integer literal', { one: t.literal(1) }, '#/properties/one', /non-string literal 1/],
    ['a mixed literal', { mixed: t.literal('a', 1) }, '#/properties/mixed', /not all strings/],
    ['a None output', { nothing: t.none() }, '#/properties/nothing', /only be None/],
    ['a dict inside a model', { box: t.model('Box', { x: t.withDefault(t.dict(t.any()), {}) }) }, '#/properties/box/properties/x', /dict/],
    ['History (its messages are dicts)', { history: specialTypeSchema('History') }, '#/properties/history/properties/messages/items', /dict/],
  ])('rejects %s with a typed error', (_name, outputFields, path, message) => {
    let caught: unknown
    try {
      geminiResponseSchema(outputFields)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(StructuredOutputSchemaError)
    const error = caught as StructuredOutputSchemaError
    expect(error.code).toBe('structured-output-schema-unsupported')
    expect(error.dialect).toBe('gemini')
    expect(error.path).toBe(path)
    expect(error.message).toMatch(message)
  })

  it('caches per fields object and name, and freezes the result', () => {
    const outputs = { answer: t.string() }
    expect(geminiResponseSchema(outputs)).toBe(geminiResponseSchema(outputs))
    expect(Object.isFrozen(geminiResponseSchema(outputs))).toBe(true)
  })
})
