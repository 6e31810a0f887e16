import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { PythonLiteralError } from './python-literal-error.js'

describe('PythonLiteralError', () => {
  it('carries the text, the position and a stable code', () => {
    const error = new PythonLiteralError({ message: 'bad', text: '[1 2]', position: 3 })
    expect(error.code).toBe('python-literal')
    expect(error.text).toBe('[1 2]')
    expect(error.position).toBe(3)
    expect(error.name).toBe('PythonLiteralError')
    expect(error).toBeInstanceOf(DSPexError)
    expect(PythonLiteralError.isInstance(error)).toBe(true)
    expect(PythonLiteralError.isInstance(new DSPexError({ message: 'x', code: 'other' }))).toBe(false)
  })
})
