import { describe, expect, it } from 'vitest'
import { jsonSchemaFloatDefaults } from './json-schema-float-defaults.js'

describe('jsonSchemaFloatDefaults', () => {
  it('finds integral defaults of float fields, in lists and through $ref and Optional', () => {
    const schema = {
      $defs: {
        Point: {
          properties: {
            x: { default: 1, type: 'number' },
            n: { default: 1, type: 'integer' },
            r: { default: 0.5, type: 'number' },
          },
          type: 'object',
        },
      },
      properties: {
        f: { default: 2, type: 'number' },
        maybe: { anyOf: [{ type: 'number' }, { type: 'null' }], default: 3 },
        either: { anyOf: [{ type: 'integer' }, { type: 'number' }], default: 3 },
        values: { default: [1, 2.5], items: { type: 'number' }, type: 'array' },
        pair: { default: [1, 1], prefixItems: [{ type: 'integer' }, { type: 'number' }], type: 'array' },
        point: { $ref: '#/$defs/Point', default: { x: 4, n: 4 } },
        weights: { additionalProperties: { type: 'number' }, default: { a: 1 }, type: 'object' },
        default: { default: 7, type: 'number' },
      },
      type: 'object',
    }
    expect([...jsonSchemaFloatDefaults(schema)].sort()).toEqual(
      [
        '/$defs/Point/properties/x/default',
        '/properties/f/default',
        '/properties/maybe/default',
        '/properties/values/default/0',
        '/properties/pair/default/1',
        '/properties/point/default/x',
        '/properties/weights/default/a',
        '/properties/default/default',
      ].sort(),
    )
  })

  it('finds nothing in a schema without defaults', () => {
    expect(jsonSchemaFloatDefaults({ items: { type: 'number' }, type: 'array' }).size).toBe(0)
  })
})
