import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { BootstrapError } from './bootstrap-error.js'
import { CompileOptionsError } from './compile-options-error.js'
import { TelepromptError } from './teleprompt-error.js'

describe('teleprompt errors', () => {
  it('carry codes and markers so instanceof works across copies', () => {
    const cause = new Error('model down')
    const bootstrap = new BootstrapError({ message: 'stopped', code: 'bootstrap-max-errors', errorCount: 3, cause })
    const options = new CompileOptionsError({ message: 'bad', code: 'compile-invalid-options' })
    expect(bootstrap).toBeInstanceOf(TelepromptError)
    expect(bootstrap).toBeInstanceOf(DSPexError)
    expect(bootstrap).not.toBeInstanceOf(CompileOptionsError)
    expect(TelepromptError.isInstance(options)).toBe(true)
    expect(BootstrapError.isInstance({ [Symbol.for('dspex.error.bootstrap')]: true })).toBe(true)
    expect(bootstrap).toMatchObject({ name: 'BootstrapError', code: 'bootstrap-max-errors', errorCount: 3, cause })
    expect(options.name).toBe('CompileOptionsError')
  })
})
