import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { BatchError } from './batch-error.js'
import { ExampleError } from './example-error.js'
import { ModuleError } from './module-error.js'
import { PredictionError } from './prediction-error.js'
import { formatStatePath, StateLoadError } from './state-load-error.js'
import { StateSaveError } from './state-save-error.js'

describe('StateLoadError', () => {
  it('names the key in its message and keeps the path', () => {
    const error = StateLoadError.invalid(['cot.predict', 'demos', 0, 'question'], 'a string', 3)
    expect(error.message).toBe('Invalid saved state at cot.predict.demos[0].question: expected a string, got number 3.')
    expect(error.key).toBe('cot.predict.demos[0].question')
    expect(error.reason).toBe('expected a string, got number 3.')
    expect(error.code).toBe('state-invalid-value')
  })

  it('prefixes errors from inside a parameter and wraps others as the cause', () => {
    const inner = StateLoadError.missing(['demos'], ['traces'])
    const outer = StateLoadError.within(['p'], inner)
    expect(outer.message).toBe("Invalid saved state at p.demos: the key is missing (keys found: 'traces').")
    const cause = new Error('bad signature')
    const wrapped = StateLoadError.within(['p', 'signature'], cause)
    expect(wrapped).toMatchObject({ code: 'state-invalid-value', key: 'p.signature', cause })
    expect(StateLoadError.missing(['x'], []).message).toBe('Invalid saved state at x: the key is missing (keys found: none).')
  })

  it('formats paths', () => {
    expect(formatStatePath([])).toBe('')
    expect(formatStatePath([0, 'a', 'b', 1])).toBe('[0].a.b[1]')
  })
})

describe('error classes', () => {
  it('each carries its marker, a code and the DSPexError root', () => {
    const errors = [
      new ExampleError({ message: 'm', code: 'example-missing-key', key: 'k' }),
      new PredictionError({ message: 'm', code: 'prediction-missing-score' }),
      new ModuleError({ message: 'm', code: 'module-attribute-path' }),
      new StateLoadError({ reason: 'r', code: 'state-file-json' }),
      new StateSaveError({ message: 'm', code: 'state-file-write' }),
      new BatchError({ message: 'm', code: 'batch-aborted' }),
    ]
    const classes = [ExampleError, PredictionError, ModuleError, StateLoadError, StateSaveError, BatchError]
    errors.forEach((error, index) => {
      expect(error).toBeInstanceOf(DSPexError)
      expect(DSPexError.isInstance(error)).toBe(true)
      for (const [other, errorClass] of classes.entries()) expect(errorClass.isInstance(error)).toBe(index === other)
      expect(error.name).toBe(classes[index]?.name)
    })
    expect(new StateSaveError({ message: 'm', code: 'state-file-write' }).path).toBe('')
    expect(new BatchError({ message: 'm', code: 'batch-aborted' })).toMatchObject({ results: [], failures: [] })
  })
})
