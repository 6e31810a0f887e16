import { Ajv } from 'ajv'
import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { Item, Level, Status } from './__fixtures__/order-model.js'
import { StructuredOutputSchemaError } from './errors/structured-output-schema-error.js'
import type { JSONSchemaObject } from './json-schema-object.js'
import { openaiStrictJSONSchema } from './openai-strict-json-schema.js'
import { specialTypeSchema } from './special-type-schema.js'
import type { StructuredOutputFields } from './structured-output-schema.js'
import { t } from './type-builder.js'

const strictKeywords = new Set([
  'type',
  'title',
  'description',
  'enum',
  'const',
  'anyOf',
  '$ref',
  '$defs',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
])

/**
 * OpenAI's documented strict-mode rules: the root is an object (not an anyOf); every object lists
 * all its properties in `required` and has `additionalProperties: false`; every schema has a
 * type, an anyOf or a bare $ref; only supported keywords; every $ref resolves.
 */
function expectOpenAIStrict(root: JSONSchemaObject): void {
  expect(root.type).toBe('object')
  expect(root).not.toHaveProperty('anyOf')
  const definitions = (root.$defs ?? {}) as Record<string, JSONSchemaObject>
  const check = (schema: JSONSchemaObject, path: string): void => {
    for (const key of Object.keys(schema)) expect(strictKeywords.has(key), `${path}: keyword ${key}`).toBe(true)
    if (typeof schema.$ref === 'string') {
      expect(Object.keys(schema), `${path}: $ref with siblings`).toEqual(['$ref'])
      expect(definitions[schema.$ref.replace('#/$defs/', '')], `${path}: ${schema.$ref}`).toBeDefined()
      return
    }
    expect(typeof schema.type === 'string' || Array.isArray(schema.anyOf), `${path}: no type`).toBe(true)
    if (schema.type === 'object') {
      expect(schema.additionalProperties, `${path}: additionalProperties`).toBe(false)
      expect(schema.required, `${path}: required`).toEqual(Object.keys(schema.properties as object))
      for (const [name, member] of Object.entries(schema.properties as object)) check(member, `${path}/properties/${name}`)
    }
    if (schema.type === 'array') check(schema.items as JSONSchemaObject, `${path}/items`)
    if (Array.isArray(schema.anyOf)) {
      for (const [index, member] of (schema.anyOf as JSONSchemaObject[]).entries()) check(member, `${path}/anyOf/${index}`)
    }
  }
  check(root, '#')
  for (const [name, definition] of Object.entries(definitions)) check(definition, `#/$defs/${name}`)
  expect(JSON.stringify(root)).not.toContain('x-dspy')
}

/** Compiles the schema as draft-07 JSON Schema with Ajv's strict mode. */
function compileDraft07(schema: JSONSchemaObject): (data: unknown) => boolean {
  const ajv = new Ajv({ strict: true, allErrors: true })
  const validate = ajv.compile(schema)
  return (data) => validate(data)
}

const orderFields: StructuredOutputFields = {
  answer: t.string(),
  status: Status,
  level: t.optional(Level),
  items: t.list(Item),
  first: Type.Unsafe<unknown>({ ...t.optional(Item), description: 'The first item' }),
  tags: t.set(t.string()),
  kind: t.literal('a', 'b'),
  one: t.literal('x'),
  mixed: t.literal('a', 1),
  ratio: t.union([t.integer(), t.number()]),
}

describe('openaiStrictJSONSchema', () => {
  it('writes the strict schema of simple outputs', () => {
    expect(openaiStrictJSONSchema({ answer: t.string(), n: t.integer() })).toEqual({
      name: 'DSPyProgramOutputs',
      strict: true,
      schema: {
        additionalProperties: false,
        properties: { answer: { title: 'Answer', type: 'string' }, n: { title: 'N', type: 'integer' } },
        required: ['answer', 'n'],
        title: 'DSPyProgramOutputs',
        type: 'object',
      },
    })
  })

  it('follows the strict-mode rules for models, enums, unions and literals', () => {
    const { schema } = openaiStrictJSONSchema(orderFields, { name: 'Order_Outputs' })
    expectOpenAIStrict(schema)
    const definitions = schema.$defs as Record<string, JSONSchemaObject>
    // Item's qty has a default: strict mode requires it anyway and has no `default` keyword.
    expect(definitions.Item).toEqual({
      additionalProperties: false,
      description: 'One line of an order.',
      properties: {
        sku: { title: 'Sku', type: 'string' },
        qty: { title: 'Qty', type: 'integer' },
        price: { description: 'Unit price', title: 'Price', type: 'number' },
      },
      required: ['sku', 'qty', 'price'],
      title: 'Item',
      type: 'object',
    })
    const properties = schema.properties as Record<string, JSONSchemaObject>
    expect(properties.tags).toEqual({ items: { type: 'string' }, title: 'Tags', type: 'array' })
    expect(properties.mixed).toEqual({
      title: 'Mixed',
      anyOf: [
        { type: 'string', enum: ['a'] },
        { type: 'integer', enum: [1] },
      ],
    })
    // DSPy builds the outputs model from the field types alone: no field descriptions at the top.
    expect(properties.first).toEqual({ anyOf: [{ $ref: '#/$defs/Item' }, { type: 'null' }] })
    expect(Object.keys(properties)).toEqual(Object.keys(orderFields))
  })

  it('drops defaults, leaving a bare $ref', () => {
    const withDescription = t.model('Holder', {
      status: t.withDefault(Status, 'open' as never),
      note: t.withDefault(Type.Unsafe<unknown>({ ...t.optional(t.string()), description: 'A note' }), null),
    })
    const { schema } = openaiStrictJSONSchema({ holder: withDescription })
    expectOpenAIStrict(schema)
    const holder = (schema.$defs as Record<string, JSONSchemaObject>).Holder as JSONSchemaObject
    expect((holder.properties as Record<string, unknown>).status).toEqual({ $ref: '#/$defs/Status' })
    expect((holder.properties as Record<string, unknown>).note).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
      description: 'A note',
      title: 'Note',
    })
  })

  it('gives valid draft-07 schemas that accept good outputs and reject bad ones', () => {
    const validate = compileDraft07(openaiStrictJSONSchema(orderFields).schema)
    const good = {
      answer: 'ok',
      status: 'open',
      level: null,
      items: [{ sku: 'a', qty: 2, price: 1.5 }],
      first: null,
      tags: ['x'],
      kind: 'b',
      one: 'x',
      mixed: 1,
      ratio: 0.5,
    }
    expect(validate(good)).toBe(true)
    expect(validate({ ...good, extra: 1 })).toBe(false)
    expect(validate({ ...good, items: [{ sku: 'a' }] })).toBe(false)
    expect(validate({ ...good, status: 'pending' })).toBe(false)
  })

  it('accepts special types that are closed models', () => {
    const { schema } = openaiStrictJSONSchema({ picture: specialTypeSchema('Image') })
    expectOpenAIStrict(schema)
    expect(compileDraft07(schema)({ picture: { url: 'https://example.com/a.png' } })).toBe(true)
  })

  it.each([
    ['a dict output', { counts: t.dict(t.integer()) }, '#/properties/counts', /open-ended mapping/],
    ['a dict inside a model', { box: t.model('Box', { tags: t.dict(t.string()) }) }, '#/$defs/Box/properties/tags', /open-ended/],
    ['an Any output', { anything: t.any() }, '#/properties/anything', /Any/],
    ['a list of Any', { things: t.list(t.any()) }, '#/properties/things/items', /Any/],
    ['a tuple output', { pair: t.tuple([t.integer(), t.string()]) }, '#/properties/pair', /tuple/],
    ['ToolCalls (its args are a dict)', { calls: specialTypeSchema('ToolCalls') }, '#/$defs/ToolCall/properties/args', /open-ended/],
  ])('rejects %s with a typed error', (_name, fields, path, message) => {
    let caught: unknown
    try {
      openaiStrictJSONSchema(fields)
    } catch (error) {
      caught = error
    }
    expect(StructuredOutputSchemaError.isInstance(caught)).toBe(true)
    const error = caught as StructuredOutputSchemaError
    expect(error).toBeInstanceOf(StructuredOutputSchemaError)
    expect(error.code).toBe('structured-output-schema-unsupported')
    expect(error.dialect).toBe('openai-strict')
    expect(error.path).toBe(path)
    expect(error.message).toMatch(message)
  })

  it('rejects schemas over OpenAI limits', () => {
    const members = Object.fromEntries(Array.from({ length: 1001 }, (_, index) => [`M${index}`, `v${index}`]))
    expect(() => openaiStrictJSONSchema({ big: t.enum('Big', members) })).toThrow(/1001 enumValues, limit 1000/)
    let nested: ReturnType<typeof t.model> = t.model('Level0', { leaf: t.string() })
    for (let level = 1; level <= 10; level += 1) nested = t.model(`Level${level}`, { child: nested })
    expect(() => openaiStrictJSONSchema({ deep: nested })).toThrow(/12 levels of nesting \(limit 10\)/)
  })

  it('caches per fields object and name, and freezes the result', () => {
    const fields = { answer: t.string() }
    const first = openaiStrictJSONSchema(fields)
    expect(openaiStrictJSONSchema(fields)).toBe(first)
    expect(openaiStrictJSONSchema(fields, { name: 'Other' })).not.toBe(first)
    expect(Object.isFrozen(first.schema)).toBe(true)
  })
})
