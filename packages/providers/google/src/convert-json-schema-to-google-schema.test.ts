import { describe, expect, it } from 'vitest'
import { convertJSONSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js'

describe('convertJSONSchemaToGoogleSchema', () => {
  it('turns type lists with null into nullable and drops unsupported keywords', () => {
    expect(
      convertJSONSchemaToGoogleSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        properties: {
          name: { type: ['string', 'null'], description: 'The name' },
          tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
          kind: { const: 'fixed' },
        },
        additionalProperties: false,
      }),
    ).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', nullable: true, description: 'The name' },
        tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
        kind: { enum: ['fixed'] },
      },
    })
  })

  it('inlines $refs from definitions and keeps unions as anyOf', () => {
    expect(
      convertJSONSchemaToGoogleSchema({
        type: 'object',
        properties: { item: { $ref: '#/definitions/Item' }, value: { anyOf: [{ type: 'string' }, { type: 'integer' }] } },
        definitions: { Item: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        item: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
        value: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      },
    })
  })

  it('returns undefined for an object without properties, and rejects recursive $refs', () => {
    expect(convertJSONSchemaToGoogleSchema({ type: 'object', properties: {} })).toBeUndefined()
    expect(() =>
      convertJSONSchemaToGoogleSchema({
        type: 'object',
        properties: { node: { $ref: '#/$defs/Node' } },
        $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } },
      }),
    ).toThrow(/recursive/)
  })
})
