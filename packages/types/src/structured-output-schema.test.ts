import { describe, expect, it } from 'vitest'
import { StructuredOutputCache, structuredOutputPydanticSchema } from './structured-output-schema.js'
import { t } from './type-builder.js'

describe('structuredOutputPydanticSchema', () => {
  it('writes a signature without outputs as pydantic writes an empty forbidding model', () => {
    // pydantic.create_model("DSPyProgramOutputs", __config__=ConfigDict(extra="forbid")).model_json_schema()
    expect(JSON.stringify(structuredOutputPydanticSchema({}, 'DSPyProgramOutputs'))).toBe(
      '{"additionalProperties":false,"properties":{},"title":"DSPyProgramOutputs","type":"object"}',
    )
  })

  it('requires every output field and titles it from its name', () => {
    expect(structuredOutputPydanticSchema({ final_answer: t.optional(t.string()) }, 'Out')).toEqual({
      additionalProperties: false,
      properties: { final_answer: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Final Answer' } },
      required: ['final_answer'],
      title: 'Out',
      type: 'object',
    })
  })
})

describe('StructuredOutputCache', () => {
  it('builds once per fields object and name', () => {
    const cache = new StructuredOutputCache<{ built: number }>()
    const fields = { answer: t.string() }
    let builds = 0
    const build = (): { built: number } => {
      builds += 1
      return { built: builds }
    }
    expect(cache.get(fields, 'A', build)).toBe(cache.get(fields, 'A', build))
    expect(cache.get(fields, 'B', build).built).toBe(2)
    expect(cache.get({ ...fields }, 'A', build).built).toBe(3)
  })
})
