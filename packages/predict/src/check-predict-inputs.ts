import type { Logger } from '@dspex/primitives'
import type { Signature, SignatureField } from '@dspex/signatures'
import { type TypeNode, validateValue } from '@dspex/types'
import { coerceValue, pythonStr } from '@dspex/types/internal'
import { PredictError } from './errors/predict-error.js'

/**
 * Fills missing inputs from their defaults and checks the inputs against the signature as DSPy
 * does: a missing required input is an error (DSPy only warns, then sends a prompt without it;
 * we refuse so the mistake is caught at the call); an input that may be `None` may be left out;
 * inputs the signature does not know, and (with `warnOnTypeMismatch`) values that do not fit
 * their field's type, are reported through the logger.
 *
 * @throws {PredictError} (`predict-missing-input`) naming the missing fields.
 */
export function checkPredictInputs(
  signature: Signature<object, object>,
  inputs: Readonly<Record<string, unknown>>,
  logger: Logger,
  warnOnTypeMismatch = true,
): Record<string, unknown> {
  const checked: Record<string, unknown> = {}
  const missing: string[] = []
  for (const field of signature.inputFields) {
    const value = inputs[field.name]
    if (value !== undefined) {
      checked[field.name] = value
      if (warnOnTypeMismatch && !isCompatible(field, value)) {
        logger.warn(
          `Type mismatch for field '${field.name}': expected ${field.typeName} based on given Signature, but the provided value is incompatible: ${pythonStr(value)}.`,
        )
      }
    } else if (field.hasDefault) checked[field.name] = field.defaultValue
    else if (!admitsNone(field.type)) missing.push(field.name)
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

/**
 * DSPy skips the type check for `None` and for untyped fields; otherwise the value must validate,
 * strictly (the compiled check, no allocation) or else leniently as pydantic does (`'3'` for an int).
 */
function isCompatible(field: SignatureField, value: unknown): boolean {
  if (value === null || field.typeUndefined) return true
  try {
    validateValue(field.schema, value)
    return true
  } catch {
    // Not the exact type: pydantic would still accept what it can coerce.
  }
  try {
    coerceValue(value, field.type)
    return true
  } catch {
    return false
  }
}

function admitsNone(type: TypeNode): boolean {
  return type.kind === 'none' || type.kind === 'any' || (type.kind === 'union' && type.options.some(admitsNone))
}
