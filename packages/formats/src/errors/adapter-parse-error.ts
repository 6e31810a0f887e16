import { DSPexError } from '@dspex/core'
import type { Signature } from '@dspex/signatures'

/** Options of {@link AdapterParseError}. */
export interface AdapterParseErrorOptions {
  /** The adapter that failed (`ChatAdapter`, `JSONAdapter`, `XMLAdapter`, `TwoStepAdapter`). */
  readonly adapterName: string
  /** The signature whose output fields were expected. */
  readonly signature: Signature<object, object>
  /** The LM's whole reply, as it was (also when only part of it was parsed). */
  readonly lmResponse: string
  /**
   * The part of the reply that was parsed, when it is not all of it (the JSON adapter's first `{...}` span). The
   * message shows it as `LM Response`, as DSPy's does; `lmResponse` keeps the whole reply.
   */
  readonly parsedText?: string
  /** What went wrong, shown before DSPy's standard report; none for a plain mismatch of fields. */
  readonly message?: string
  /** The output field that could not be parsed, or the first one missing, when there is one. */
  readonly fieldName?: string
  /** The fields parsed before the failure, when the parse got that far. */
  readonly parsedResult?: Readonly<Record<string, unknown>>
  /**
   * Whether the message lists the parsed fields (DSPy lists them when the fields do not match the
   * outputs, not when one value fails to parse). Default: true when `parsedResult` is given.
   */
  readonly listParsedFields?: boolean
  /** The underlying error (a `ValueParseError` for a field value). */
  readonly cause?: unknown
}

/**
 * An LM reply an adapter could not turn into the signature's outputs. It keeps the whole raw reply (in
 * every case, also when only a part of it was parsed), the signature, the field that failed (when one
 * did) and whatever was parsed before the failure; its message has DSPy's layout:
 *
 * ```text
 * {message}\n\n
 * Adapter {adapterName} failed to parse the LM response. \n\n
 * LM Response: {parsedText ?? lmResponse} \n\n
 * Expected to find output fields in the LM response: [{outputs}] \n\n
 * Actual output fields parsed from the LM response: [{parsed}] \n\n   (when the fields do not match the outputs)
 * ```
 *
 * @example
 * ```ts
 * try { new ChatAdapter().parse(qa, 'no headers here') } catch (error) {
 *   if (AdapterParseError.isInstance(error)) console.log(error.fieldName, error.lmResponse)
 * }
 * ```
 * @see dspy.utils.exceptions.AdapterParseError
 */
export class AdapterParseError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.adapter-parse')
  declare readonly code: 'adapter-parse'
  /** The adapter that failed. */
  readonly adapterName: string
  /** The signature whose outputs were expected (non-enumerable: printed as `Name(inputs -> outputs)`). */
  declare readonly signature: Signature<object, object>
  /** The LM's whole reply, unchanged. */
  readonly lmResponse: string
  /** The part of the reply that was parsed, when it is not all of it (shown in the message as DSPy shows it). */
  readonly parsedText: string | undefined
  /** The output field that failed or is missing, if one is known. */
  readonly fieldName: string | undefined
  /** The fields parsed before the failure, if known (non-enumerable). */
  declare readonly parsedResult: Readonly<Record<string, unknown>> | undefined

  constructor(options: AdapterParseErrorOptions) {
    super({ message: reportText(options), code: 'adapter-parse', cause: options.cause })
    this.adapterName = options.adapterName
    this.setLargeField('signature', options.signature)
    this.lmResponse = options.lmResponse
    this.parsedText = options.parsedText
    this.fieldName = options.fieldName
    this.setLargeField('parsedResult', options.parsedResult)
  }

  /** The typed fields, with the signature as `Name(inputs -> outputs)` rather than the whole object. */
  protected override typedFields(): Record<string, unknown> {
    return { ...super.typedFields(), signature: `${this.signature.name}(${this.signature.signatureString})` }
  }
}

function reportText({ adapterName, signature, lmResponse, parsedText, message, parsedResult, listParsedFields }: AdapterParseErrorOptions): string {
  const outputs = signature.outputFields.map((field) => field.name).join(', ')
  let text =
    `${message ? `${message}\n\n` : ''}` +
    `Adapter ${adapterName} failed to parse the LM response. \n\n` +
    `LM Response: ${parsedText ?? lmResponse} \n\n` +
    `Expected to find output fields in the LM response: [${outputs}] \n\n`
  if (parsedResult !== undefined && listParsedFields !== false) {
    text += `Actual output fields parsed from the LM response: [${Object.keys(parsedResult).join(', ')}] \n\n`
  }
  return text
}
