import type { Logger } from '@dspex/primitives'
import type { Signature } from '@dspex/signatures'
import { PredictError } from './errors/predict-error.js'

/**
 * Fills missing inputs from their defaults and checks the inputs against the signature as DSPy
 * does: a missing required input is an error (DSPy only warns, then sends a prompt without it;
 * we refuse so the mistake is caught at the call), and inputs the signature does not know are
 * reported through the logger and left out of the prompt.
 *
 * @throws {PredictError} (`predict-missing-input`) naming the missing fields.
 */
export function checkPredictInputs(
  signature: Signature<object, object>,
  inputs: Readonly<Record<string, unknown>>,
  logger: Logger,
): Record<string, unknown> {
  const checked: Record<string, unknown> = {}
  const missing: string[] = []
  for (const field of signature.inputFields) {
    if (Object.hasOwn(inputs, field.name) && inputs[field.name] !== undefined) checked[field.name] = inputs[field.name]
    else if (field.hasDefault) checked[field.name] = field.defaultValue
    else missing.push(field.name)
  }
  if (missing.length > 0) {
    throw new PredictError({
      message: `Not all input fields were provided to the predictor. Present: [${Object.keys(inputs).join(', ')}]. Missing: [${missing.join(', ')}].`,
      code: 'predict-missing-input',
    })
  }
  const extra = Object.keys(inputs).filter((name) => signature.field(name)?.direction !== 'input')
  if (extra.length > 0) {
    logger.warn(`Input contains fields not in signature. These fields will be ignored: [${extra.join(', ')}].`)
  }
  return checked
}
