import { DSPexError } from '@dspex/core'

/**
 * The structured-output dialects this package writes schemas for: OpenAI's strict mode. (Gemini's dialect is
 * written by `@dspex/google`; Anthropic takes the pydantic schema as it is.)
 */
export type StructuredOutputDialect = 'openai-strict'

/** Options of {@link StructuredOutputSchemaError}. */
export interface StructuredOutputSchemaErrorOptions {
  /** What cannot be expressed and where. */
  message: string
  /** The provider dialect that cannot express the type. */
  dialect: StructuredOutputDialect
  /** Where in the output fields' JSON Schema the problem is (a JSON pointer such as `#/properties/counts`). */
  path: string
  cause?: unknown
}

/**
 * An output type that a provider's structured-output mode cannot express: an open-ended `dict`
 * under OpenAI's strict mode, `Any` anywhere a type is required...
 * A caller catches it to fall back to plain JSON mode (`{"type": "json_object"}`), as DSPy's
 * JSONAdapter does when it cannot build a structured-output schema.
 *
 * @example
 * ```ts
 * try { openaiStrictJSONSchema(fields) } catch (error) {
 *   if (StructuredOutputSchemaError.isInstance(error)) responseFormat = { type: 'json_object' }
 * }
 * ```
 */
export class StructuredOutputSchemaError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.structured-output-schema')
  declare readonly code: 'structured-output-schema-unsupported'
  /** The dialect that cannot express the type. */
  readonly dialect: StructuredOutputDialect
  /** Where in the schema the problem is. */
  readonly path: string

  constructor({ message, dialect, path, cause }: StructuredOutputSchemaErrorOptions) {
    super({ message, code: 'structured-output-schema-unsupported', cause })
    this.dialect = dialect
    this.path = path
  }
}
