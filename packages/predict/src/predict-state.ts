import type { LMState } from '@dspex/lm'
import type { SignatureState } from '@dspex/signatures'
import { PredictError } from './errors/predict-error.js'

/** A predictor's saved state in DSPy's layout. */
export type PredictState = {
  traces: unknown[]
  train: unknown[]
  demos: Record<string, unknown>[]
  signature: SignatureState
  lm: LMState | null
}

/**
 * Checks a predictor's saved state and returns it typed; the signature and LM parts are checked
 * when they are applied.
 *
 * @throws {PredictError} (`predict-state`) naming the first key that does not fit; for
 *   `extended_signature` (DSPy 2.5's ChainOfThought layout) saying the format is too old.
 */
export function readPredictState(state: unknown): PredictState {
  const fail = (message: string): never => {
    throw new PredictError({ message: `Invalid saved predictor state: ${message}.`, code: 'predict-state' })
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return fail('expected an object')
  const record = state as Record<string, unknown>
  if ('extended_signature' in record)
    fail('`extended_signature` comes from DSPy 2.5 or older and cannot be loaded; save the program again with DSPy 3')
  for (const key of ['traces', 'train', 'demos'] as const) {
    if (record[key] !== undefined && !Array.isArray(record[key])) fail(`${key} must be an array`)
  }
  const demos = (record.demos ?? []) as unknown[]
  demos.forEach((demo, index) => {
    if (typeof demo !== 'object' || demo === null || Array.isArray(demo)) fail(`demos[${index}] must be an object`)
  })
  if (record.signature === undefined) fail('signature is missing')
  if (record.lm !== null && record.lm !== undefined && typeof record.lm !== 'object') fail('lm must be an object or null')
  return {
    traces: (record.traces ?? []) as unknown[],
    train: (record.train ?? []) as unknown[],
    demos: demos as Record<string, unknown>[],
    signature: record.signature as SignatureState,
    lm: (record.lm ?? null) as LMState | null,
  }
}
