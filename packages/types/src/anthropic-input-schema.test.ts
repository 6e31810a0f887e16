import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { Item, Status } from './__fixtures__/order-model.js'
import { anthropicInputSchema } from './anthropic-input-schema.js'
import type { JSONSchemaObject } from './json-schema-object.js'
import { specialTypeSchema } from './special-type-schema.js'
import type { StructuredOutputFields } from './structured-output-schema.js'
import { t } from './type-builder.js'

/**
 * Anthropic's rules for a tool's `input_schema`: a JSON Schema object with `"type": "object"` at
 * the top and no top-level `oneOf`/`anyOf`/`allOf`; here also every output field required, no
 * other property allowed, every `$ref` resolving into `$defs`.
 */
function expectAnthropicInputSchema(schema: JSONSchemaObject, fields: StructuredOutputFields): void {
  expect(schema.type).toBe('object')
  for (const keyword of ['oneOf', 'anyOf', 'allOf']) expect(schema).not.toHaveProperty(keyword)
  expect(Object.keys(schema.properties as object)).toEqual(Object.keys(fields))
  expect(schema.required).toEqual(Object.keys(fields))
  expect(schema.additionalProperties).toBe(false)
  const definitions = (schema.$defs ?? {}) as Record<string, unknown>
  for (const [, name] of JSON.stringify(schema).matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g)) {
    expect(definitions[name as string], `$ref ${name}`).toBeDefined()
  }
  expect(JSON.stringify(schema)).not.toContain('x-dspy')
}

/** Compiles the schema with Ajv's JSON Schema 2020-12 dialect (pydantic's, with `prefixItems`). */
function compile(schema: JSONSchemaObject): (data: unknown) => boolean {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  const validate = ajv.compile(schema)
  return (data) => validate(data)
}

const fields: StructuredOutputFields = {
  answer: t.string(),
  n: t.integer(),
  item: t.optional(t.model('Item', { sku: t.string(), qty: t.withDefault(t.integer(), 1) }, { description: 'One line of an order.' })),
  status: Status,
}

describe('anthropicInputSchema', () => {
  it("is DSPy's pydantic schema of the outputs model", () => {
    // pydantic.create_model("DSPyProgramOutputs", __config__=ConfigDict(extra="forbid"), answer=(str, ...),
    //   n=(int, ...), item=(Optional[Item], ...), status=(Status, ...)).model_json_schema()
    const expected =
      '{"$defs": {"Item": {"description": "One line of an order.", "properties": {"sku": {"title": "Sku", "type": "string"}, "qty": {"default": 1, "title": "Qty", "type": "integer"}}, "required": ["sku"], "title": "Item", "type": "object"}, "Status": {"description": "Order status.", "enum": ["open", "closed"], "title": "Status", "type": "string"}}, "additionalProperties": false, "properties": {"answer": {"title": "Answer", "type": "string"}, "n": {"title": "N", "type": "integer"}, "item": {"anyOf": [{"$ref": "#/$defs/Item"}, {"type": "null"}]}, "status": {"$ref": "#/$defs/Status"}}, "required": ["answer", "n", "item", "status"], "title": "DSPyProgramOutputs", "type": "object"}'
    const schema = anthropicInputSchema(fields)
    expect(JSON.stringify(schema)).toBe(JSON.stringify(JSON.parse(expected)))
    expectAnthropicInputSchema(schema, fields)
  })

  it('expresses dicts, tuples, Any and special types, and validates outputs', () => {
    const wide: StructuredOutputFields = {
      counts: t.dict(t.integer()),
      pair: t.tuple([t.integer(), t.string()]),
      anything: t.any(),
      items: t.list(Item),
      calls: specialTypeSchema('ToolCalls'),
    }
    const schema = anthropicInputSchema(wide, { name: 'answer' })
    expectAnthropicInputSchema(schema, wide)
    expect(schema.title).toBe('answer')
    const validate = compile(schema)
    const good = {
      counts: { a: 1 },
      pair: [1, 'x'],
      anything: null,
      items: [{ sku: 's' }],
      calls: { tool_calls: [{ name: 'search', args: { q: 'x' } }] },
    }
    expect(validate(good)).toBe(true)
    expect(validate({ ...good, pair: ['x', 1] })).toBe(false)
    expect(validate({ ...good, counts: { a: 'one' } })).toBe(false)
    expect(validate({ ...good, calls: { tool_calls: [{ name: 'search' }] } })).toBe(false)
    expect(validate({ ...good, more: 1 })).toBe(false)
  })

  it('caches per fields object and name, and freezes the result', () => {
    expect(anthropicInputSchema(fields)).toBe(anthropicInputSchema(fields))
    expect(Object.isFrozen(anthropicInputSchema(fields))).toBe(true)
  })
})
