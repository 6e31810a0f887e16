import type { GenerateRequest, GenerateResult, ModelCapabilities } from '@dspex/provider'
import type { Signature } from '@dspex/signatures'

/**
 * What an adapter needs from a model: its capabilities (to choose structured outputs and native
 * tool calling) and `generate`. Every `LanguageModel` of `@dspex/provider` is one, and so is an
 * `LM` client or a scripted test model.
 */
export interface AdapterModel {
  readonly capabilities: ModelCapabilities
  generate(request: GenerateRequest): Promise<GenerateResult>
}

/** Any signature, whatever the static types of its inputs and outputs. */
export type AnySignature = Signature<object, object>

/** One demo (few-shot example) or history turn: values keyed by the signature's field names. */
export type FieldValues = Readonly<Record<string, unknown>>

/** The request options a caller adds to an adapter call (everything but the messages). */
export type AdapterRequest = Partial<Omit<GenerateRequest, 'messages'>>

/** What {@link Adapter.call} takes. */
export interface AdapterCallOptions {
  /** The signature to format and parse with. */
  readonly signature: AnySignature
  /** Few-shot examples, shown before the inputs. */
  readonly demos?: readonly FieldValues[]
  /** The input values by field name. */
  readonly inputs: FieldValues
  /** Sampling options, `n`, a signal...: passed to the model with the adapter's own options. */
  readonly request?: AdapterRequest
}

/** The outputs of one completion, by output field name. */
export type AdapterOutputs = Record<string, unknown>

const providerErrorMarker = Symbol.for('dspex.provider.error')

/**
 * True for an error the model itself reported (an `APICallError` of `@dspex/provider`, marked with
 * `Symbol.for('dspex.provider.error')`): adapters rethrow these instead of retrying with another
 * format, as DSPy does for its `LMError`s.
 */
export function isAPIError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[providerErrorMarker] === true
}

/** True when a retry must not happen: an API error, or the caller aborted the call. */
export function isFinalError(error: unknown, request: AdapterRequest | undefined): boolean {
  return isAPIError(error) || request?.signal?.aborted === true
}
