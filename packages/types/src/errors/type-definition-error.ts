import { DSPexError } from '@dspex/core'

/**
 * A type given to DSPex (a TypeBox schema or a Python type string) that DSPy has no meaning for,
 * such as an unknown type name or an unsupported schema construct.
 */
export class TypeDefinitionError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.type-definition')
  declare readonly code: 'type-definition'
  /** Where in the schema or type string the problem is (a JSON pointer or a character offset). */
  readonly path: string

  constructor({ message, path, cause }: { message: string; path: string; cause?: unknown }) {
    super({ message, code: 'type-definition', cause })
    this.path = path
  }
}
