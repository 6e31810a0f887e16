import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { goldenFieldTypes, schemaFromDescriptor } from './__fixtures__/golden-json-schemas.js'
import { Item, Level, Order, orderPydanticText, Status } from './__fixtures__/order-model.js'
import { TypeDefinitionError } from './errors/type-definition-error.js'
import { pydanticJSONSchema } from './pydantic-json-schema.js'
import { t } from './type-builder.js'
import { typeMetadataKey } from './type-metadata.js'

/** Compares key order too, which `toEqual` ignores. */
function expectSameJSON(actual: unknown, expected: unknown): void {
  expect(actual).toEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

describe('pydanticJSONSchema on the golden field types', () => {
  const cases = goldenFieldTypes()

  it('finds the field types of the golden file', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20)
  })

  for (const goldenCase of cases) {
    it(`${goldenCase.typeName} (${goldenCase.caseId})`, () => {
      expectSameJSON(pydanticJSONSchema(schemaFromDescriptor(goldenCase.descriptor)), goldenCase.jsonSchema)
    })
  }
})

// Expected values below are what pydantic 2.13's TypeAdapter(T).json_schema() returned.
describe('pydanticJSONSchema', () => {
  it('writes every construct of a model as pydantic does, key order included', () => {
    expect(JSON.stringify(pydanticJSONSchema(Order))).toBe(JSON.stringify(JSON.parse(orderPydanticText)))
  })

  it.each([
    ['Literal["a"]', t.literal('a'), { const: 'a', type: 'string' }],
    ['Literal[1]', t.literal(1), { const: 1, type: 'integer' }],
    ['Literal[True]', t.literal(true), { const: true, type: 'boolean' }],
    ['Literal[True, False]', t.literal(true, false), { enum: [true, false], type: 'boolean' }],
    ['Literal["a", 1]', t.literal('a', 1), { enum: ['a', 1] }],
    ['Literal[True, 1]', t.literal(true, 1), { enum: [true, 1] }],
    ['Literal[1.5, 2]', t.literal(1.5, 2), { enum: [1.5, 2] }],
    ['Literal["a", "b", "a"]', t.literal('a', 'b', 'a'), { enum: ['a', 'b'], type: 'string' }],
    ['set[int]', t.set(t.integer()), { items: { type: 'integer' }, type: 'array', uniqueItems: true }],
    ['tuple[()]', t.tuple([]), { maxItems: 0, minItems: 0, type: 'array' }],
    ['list[Any]', t.list(t.any()), { items: {}, type: 'array' }],
    ['Any', t.any(), {}],
    ['None', t.none(), { type: 'null' }],
    ['Optional[Any]', t.optional(t.any()), { anyOf: [{}, { type: 'null' }] }],
    ['Union[None, int]', t.union([t.none(), t.integer()]), { anyOf: [{ type: 'integer' }, { type: 'null' }] }],
    [
      'Union[int, Union[str, None]]',
      t.union([t.integer(), t.optional(t.string())]),
      { anyOf: [{ type: 'integer' }, { type: 'string' }, { type: 'null' }] },
    ],
    ['Level', Level, { enum: [1, 2], title: 'Level', type: 'integer' }],
    ['Status', Status, { description: 'Order status.', enum: ['open', 'closed'], title: 'Status', type: 'string' }],
    ['Enum of floats', t.enum('Ratio', { HALF: 0.5, QUARTER: 0.25 }), { enum: [0.5, 0.25], title: 'Ratio', type: 'number' }],
    ['Enum of mixed values', t.enum('Mixed', { A: 1, B: 'b' }), { enum: [1, 'b'], title: 'Mixed' }],
    [
      'Optional[Status]',
      t.optional(Status),
      {
        $defs: { Status: { description: 'Order status.', enum: ['open', 'closed'], title: 'Status', type: 'string' } },
        anyOf: [{ $ref: '#/$defs/Status' }, { type: 'null' }],
      },
    ],
  ])('%s', (_name, schema, expected) => {
    expectSameJSON(pydanticJSONSchema(schema), expected)
  })

  it('puts models nested in a dict in $defs', () => {
    expectSameJSON(pydanticJSONSchema(t.dict(t.list(Item))), {
      $defs: { Item: pydanticJSONSchema(Item) },
      additionalProperties: { items: { $ref: '#/$defs/Item' }, type: 'array' },
      type: 'object',
    })
  })

  it('writes a model without a name inline, without a title', () => {
    const schema = t.list(Type.Object({ x: t.integer() }))
    expectSameJSON(pydanticJSONSchema(schema), {
      items: { properties: { x: { title: 'X', type: 'integer' } }, required: ['x'], type: 'object' },
      type: 'array',
    })
  })

  it('accepts two equal models under one name', () => {
    const copy = t.model('Item', Item.properties, { description: 'One line of an order.' })
    const schema = pydanticJSONSchema(t.tuple([Item, copy])) as { $defs: Record<string, unknown> }
    expect(Object.keys(schema.$defs)).toEqual(['Item'])
  })

  it('rejects two different models under one name', () => {
    const other = t.model('Item', { code: t.string() })
    const build = (): unknown => pydanticJSONSchema(t.tuple([Item, other]))
    expect(build).toThrow(TypeDefinitionError)
    expect(build).toThrow(/Two different types are named "Item"/)
  })

  it('rejects a default that JSON cannot hold', () => {
    const schema = t.model('Bad', { f: Type.Unsafe<unknown>({ type: 'string', default: Symbol('x') }) })
    expect(() => pydanticJSONSchema(schema)).toThrow(TypeDefinitionError)
  })

  it('never writes DSPex metadata or TypeBox keys', () => {
    const text = JSON.stringify(pydanticJSONSchema(Order))
    expect(text).not.toContain(typeMetadataKey)
    expect(text).not.toContain('~')
  })

  it('caches per schema and returns a frozen schema', () => {
    const schema = pydanticJSONSchema(Order)
    expect(pydanticJSONSchema(Order)).toBe(schema)
    expect(Object.isFrozen(schema)).toBe(true)
    expect(Object.isFrozen(schema.properties)).toBe(true)
  })
})

describe('pydanticJSONSchema of a default nested too deep', () => {
  it('refuses a default value nested more than 1,000 levels deep (or holding itself) with a TypeDefinitionError', () => {
    let deep: unknown = 1
    for (let level = 0; level < 100_000; level += 1) deep = [deep]
    const itself: unknown[] = []
    itself.push(itself)
    for (const value of [deep, itself]) {
      expect(() => pydanticJSONSchema(t.model('Box', { items: t.withDefault(t.any(), value) }))).toThrow('nests more than 1000 levels deep')
    }
  })
})
