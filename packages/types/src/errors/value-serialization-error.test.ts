import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { ValueParseError } from './value-parse-error.js'
import { ValueSerializationError } from './value-serialization-error.js'

describe('ValueSerializationError', () => {
  it('keeps its code and where in the value the problem is', () => {
    const error = new ValueSerializationError({
      message: 'Object of type function is not JSON serializable',
      code: 'value-serialization-unsupported',
      path: '/run',
    })
    expect(error).toMatchObject({ code: 'value-serialization-unsupported', path: '/run' })
    expect(error).toBeInstanceOf(DSPexError)
    expect(ValueSerializationError.isInstance(error)).toBe(true)
    expect(ValueParseError.isInstance(error)).toBe(false)
  })
})
