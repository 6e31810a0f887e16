import { Predict } from '@dspex/predict'
import { type Predictor, parameterMarker, predictorMarker } from '@dspex/primitives'
import { describe, expect, it } from 'vitest'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { hasDemos, withDemos } from './predictor-demos.js'

describe('withDemos', () => {
  it('accepts predictors with a demos list and names the one without', () => {
    const predict = new Predict('question -> answer')
    expect(hasDemos(predict)).toBe(true)
    expect(withDemos(predict, 'qa')).toBe(predict)
    const bare = { [parameterMarker]: true, [predictorMarker]: true } as unknown as Predictor
    expect(hasDemos(bare)).toBe(false)
    expect(() => withDemos(bare, 'retriever')).toThrow(CompileOptionsError)
    expect(() => withDemos(bare, 'retriever')).toThrow('`retriever`')
  })
})
