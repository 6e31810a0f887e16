import type { Predictor } from '@dspex/primitives'
import type { Signature, SignatureField } from '@dspex/signatures'
import { CompileOptionsError } from './errors/compile-options-error.js'

/** A predictor with a replaceable signature (every `Predict` has one). */
export type PredictorWithSignature = Predictor & { signature: Signature<object, object> }

/**
 * The predictor, checked to have a signature an instruction optimizer can rewrite (DSPy asserts
 * `hasattr(predictor, "signature")`).
 *
 * @throws {CompileOptionsError} (`compile-invalid-options`) when it has none.
 */
export function withSignature(predictor: Predictor, name: string): PredictorWithSignature {
  const signature = (predictor as { signature?: { withInstructions?: unknown } }).signature
  if (typeof signature?.withInstructions === 'function') return predictor as PredictorWithSignature
  throw new CompileOptionsError({
    message: `The predictor \`${name}\` has no signature, so its instructions cannot be optimized.`,
    code: 'compile-invalid-options',
  })
}

/** The last field of a signature (its last output), whose prefix COPRO optimizes. */
export function lastField(signature: Signature<object, object>): SignatureField {
  const field = signature.fields.at(-1)
  if (field === undefined) {
    throw new CompileOptionsError({ message: `The signature \`${signature.signatureString}\` has no fields.`, code: 'compile-invalid-options' })
  }
  return field
}

/** `signature` with new instructions and a new prefix on its last field (DSPy's `with_instructions(...).with_updated_fields(last, prefix=...)`). */
export function withInstructionAndPrefix(signature: Signature<object, object>, instruction: string, prefix: string): Signature<object, object> {
  return signature.withInstructions(instruction).withUpdatedFields(lastField(signature).name, { prefix })
}
