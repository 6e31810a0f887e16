import { describe, expect, it } from 'vitest'
import { InvalidRequestError } from './invalid-request-error.js'
import { UnsupportedModelError } from './unsupported-model-error.js'

describe('UnsupportedModelError', () => {
  it('defaults to status 404 and is an InvalidRequestError that is never retryable', () => {
    const error = new UnsupportedModelError({ message: 'model "llama9" not found, try pulling it first' })
    expect(error).toMatchObject({ statusCode: 404, isRetryable: false, code: 'unsupported-model' })
    expect(error).toBeInstanceOf(InvalidRequestError)
  })
})
