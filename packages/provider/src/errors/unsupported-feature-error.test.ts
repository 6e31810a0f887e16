import { describe, expect, it } from 'vitest'
import { APICallError } from './api-call-error.js'
import { ProviderError } from './provider-error.js'
import { UnsupportedFeatureError } from './unsupported-feature-error.js'

describe('UnsupportedFeatureError', () => {
  it('keeps the features and issues, and is a ProviderError found without a call', () => {
    const error = new UnsupportedFeatureError({
      message: 'acme-1 cannot read images.',
      features: ['images'],
      issues: ['the model takes text only'],
    })
    expect(error).toMatchObject({ code: 'unsupported-feature', features: ['images'], issues: ['the model takes text only'] })
    expect(error).toBeInstanceOf(ProviderError)
    expect(error).not.toBeInstanceOf(APICallError)
    expect(new UnsupportedFeatureError({ message: 'x' })).toMatchObject({ features: [], issues: [] })
  })
})
