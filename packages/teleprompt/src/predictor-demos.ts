import type { Predictor } from '@dspex/primitives'
import { CompileOptionsError } from './errors/compile-options-error.js'

/** A demo as predictors hold them: an Example or a plain record of field values. */
export type Demo = Readonly<Record<string, unknown>>

/** A predictor with DSPy's `demos` list (every `Predict` has one). */
export type PredictorWithDemos = Predictor & { demos: Demo[] }

/** True when `predictor` has a `demos` array an optimizer can set. */
export function hasDemos(predictor: Predictor): predictor is PredictorWithDemos {
  return Array.isArray((predictor as { demos?: unknown }).demos)
}

/**
 * The predictor, checked to hold demos.
 *
 * @throws {CompileOptionsError} (`compile-invalid-options`) when it has no `demos` list.
 */
export function withDemos(predictor: Predictor, name: string): PredictorWithDemos {
  if (hasDemos(predictor)) return predictor
  throw new CompileOptionsError({
    message: `The predictor \`${name}\` has no \`demos\` list, so an optimizer cannot give it demos.`,
    code: 'compile-invalid-options',
  })
}
