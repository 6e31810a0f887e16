import { describe, expect, it } from 'vitest'
import { DSPexError } from './dspex-error.js'


describe('DSPexError', () => {
  it('carries a code, a cause and its class name', () => {
    const cause = new Error('root')
    const error = new DSPexError({ message: 'bad', code: 'bad-thing', cause })
    expect(error.message).toBe('bad')
    expect(error.code).toBe('bad-thing')
    expect(error.cause).toBe(cause)
    expect(error.name).toBe('DSPexError')
    expect(new DSPexError({ message: 'x' }).code).toBe('dspex-error')
  })

  it('recognises instances by marker, across copies of the package', () => {
    const error = new TypeDefinitionError({ message: 'x', path: '#' })
    expect(error).toBeInstanceOf(DSPexError)
    expect(error).toBeInstanceOf(TypeDefinitionError)
    expect(DSPexError.isInstance(error)).toBe(true)
    expect(TypeDefinitionError.isInstance(new DSPexError({ message: 'x' }))).toBe(false)
    // An object from another copy of the package carries the same global symbols.
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('dspex.error')]: true,
      [Symbol.for('dspex.error.type-definition')]: true,
    })
    expect(foreign instanceof TypeDefinitionError).toBe(true)
    expect(DSPexError.isInstance(new Error('plain'))).toBe(false)
    expect(DSPexError.isInstance(null)).toBe(false)
  })
})
