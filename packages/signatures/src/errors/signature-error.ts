import { DSPexError } from '@dspex/core'

/** What kind of mistake a {@link SignatureError} reports. */
export type SignatureErrorCode =
  /** Not exactly one `->` (DSPy's "Invalid signature format"). */
  | 'signature-format'
  /** The field list is not valid (DSPy raises Python's SyntaxError). */
  | 'signature-syntax'
  /** A name appears twice, or both as input and output. */
  | 'signature-duplicate-field'
  /** A field type is unknown or malformed. */
  | 'signature-field-type'
  /** A manipulation named a field or position that does not exist. */
  | 'signature-field-missing'
  /** Saved signature state that does not have DSPy's layout. */
  | 'signature-state'

/**
 * A signature that cannot be built or changed: bad string form, duplicate names, unknown types,
 * out-of-range positions or malformed saved state. `position` is the character offset in the
 * signature string when the problem is there.
 */
export class SignatureError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.signature')
  declare readonly code: SignatureErrorCode
  /** The signature string involved, when there is one. */
  readonly signature: string | undefined
  /** The character offset of the problem in {@link SignatureError.signature}, when known. */
  readonly position: number | undefined

  constructor(options: {
    message: string
    code: SignatureErrorCode
    signature?: string
    position?: number
    cause?: unknown
  }) {
    super({ message: options.message, code: options.code, cause: options.cause })
    this.signature = options.signature
    this.position = options.position
  }
}
