import { DSPexError } from '@dspex/core'

/** One reason a value does not fit a type. */
export interface ValueValidationIssue {
  /** Where in the value, as a JSON pointer (`/people/0/age`; `''` for the value itself). */
  readonly path: string
  /** What was expected there, as a Python type name (`int`, `list[str]`, `Person`). */
  readonly expected: string
  /** A short description of what was found (`'abc' (string)`, `nothing (missing field)`). */
  readonly got: string
}

/** Options of {@link ValueValidationError}. */
export interface ValueValidationErrorOptions {
  /** The Python name of the type the value was checked against (`list[Person]`). */
  readonly typeName: string
  /** Every problem found, in the order they were found. */
  readonly issues: readonly ValueValidationIssue[]
  readonly cause?: unknown
}

/**
 * A value that does not fit a type (pydantic's `ValidationError`). It lists every problem at once;
 * the message reads like `1 validation error for list[Person]` then one line per issue,
 * `/0/age: expected int, got 'abc' (string)`.
 */
export class ValueValidationError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.value-validation')
  declare readonly code: 'value-validation'
  /** The Python name of the type the value was checked against. */
  readonly typeName: string
  /** Every problem found (non-enumerable: the message lists them). */
  declare readonly issues: readonly ValueValidationIssue[]

  constructor({ typeName, issues, cause }: ValueValidationErrorOptions) {
    super({ message: formatValidationMessage(typeName, issues), code: 'value-validation', cause })
    this.typeName = typeName
    this.setLargeField('issues', issues)
  }
}

function formatValidationMessage(typeName: string, issues: readonly ValueValidationIssue[]): string {
  const count = `${issues.length} validation error${issues.length === 1 ? '' : 's'} for ${typeName}`
  const lines = issues.map((issue) => `${issue.path === '' ? '' : `${issue.path}: `}expected ${issue.expected}, got ${issue.got}`)
  return [count, ...lines].join('\n')
}
