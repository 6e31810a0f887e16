import type { Static } from 'typebox'
import { Value } from 'typebox/value'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { describeType } from './describe-type.js'
import { isSpecialTypeName, specialTypeSchema } from './special-type-schema.js'
import { Image } from './special-types/image.js'
import type { Tool } from './special-types/tool.js'
import { t } from './type-builder.js'
import { readTypeMetadata } from './type-metadata.js'

describe('specialTypeSchema', () => {
  it('tags the value schema so describeType sees the special type', () => {
    const schema = specialTypeSchema('Code', 'java')
    expect(readTypeMetadata(schema)).toEqual({ special: 'Code', language: 'java' })
    expect(describeType(schema)).toEqual({ kind: 'special', name: 'Code', language: 'java' })
    expect(describeType(t.history())).toEqual({ kind: 'special', name: 'History' })
  })

  it('returns the value shape of each type', () => {
    expect(JSON.parse(JSON.stringify(t.image()))).toEqual({
      type: 'object',
      required: ['url'],
      properties: { url: { type: 'string' } },
      additionalProperties: false,
      'x-dspy': { special: 'Image' },
    })
    expect(t.code().type).toBe('string')
    expect(t.reasoning().type).toBe('string')
    expect(Value.Check(t.audio(), { data: 'AA==', audio_format: 'wav' })).toBe(true)
    expect(Value.Check(t.audio(), { data: 'AA==' })).toBe(false)
    expect(Value.Check(t.file(), { file_id: 'f', filename: null })).toBe(true)
    expect(Value.Check(t.toolCalls(), { tool_calls: [{ name: 'a', args: {} }] })).toBe(true)
    expect(Value.Check(t.document(), { data: 'd', media_type: 'text/html' })).toBe(false)
    expect(Value.Check(t.citations(), { citations: [{ cited_text: 'x', document_index: 0, start_char_index: 0, end_char_index: 1 }] })).toBe(true)
  })

  it('checks instances of the special types against their value schemas', () => {
    expect(Value.Check(t.image(), new Image('https://example.com/a.png'))).toBe(true)
  })

  it('makes a new schema per call', () => {
    expect(specialTypeSchema('Code', 'java')).not.toBe(specialTypeSchema('Code', 'java'))
    expect(readTypeMetadata(t.code())).toEqual({ special: 'Code' })
  })

  it('types values statically', () => {
    expectTypeOf<Static<ReturnType<typeof t.image>>>().toEqualTypeOf<{ url: string }>()
    expectTypeOf<Static<ReturnType<typeof t.code>>>().toEqualTypeOf<string>()
    expectTypeOf<Static<ReturnType<typeof t.tool>>>().toEqualTypeOf<Tool>()
    expectTypeOf(new Image('https://x.y/z')).toMatchTypeOf<Static<ReturnType<typeof t.image>>>()
  })

  it('knows the special type names', () => {
    expect(isSpecialTypeName('Citations')).toBe(true)
    expect(isSpecialTypeName('toString')).toBe(false)
    expect(isSpecialTypeName('Images')).toBe(false)
  })
})
