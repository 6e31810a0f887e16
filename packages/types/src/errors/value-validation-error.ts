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
  /** Every problem found, in the order they were found (or the first of them, when `omittedIssues` counts the rest). */
  readonly issues: readonly ValueValidationIssue[]
  /** How many more problems were found but not listed (a value with millions of bad items lists the first 1,000). */
  readonly omittedIssues?: number
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
  /** How many more problems were found but not listed. */
  readonly omittedIssues: number

  constructor({ typeName, issues, omittedIssues = 0, cause }: ValueValidationErrorOptions) {
    super({ message: formatValidationMessage(typeName, issues, omittedIssues), code: 'value-validation', cause })
    this.typeName = typeName
    this.setLargeField('issues', issues)
    this.omittedIssues = omittedIssues
  }
}

function formatValidationMessage(typeName: string, issues: readonly ValueValidationIssue[], omitted: number): string {
  const total = issues.length + omitted
  const count = `${total} validation error${total === 1 ? '' : 's'} for ${typeName}`
  const lines = issues.map((issue) => `${issue.path === '' ? '' : `${issue.path}: `}expected ${issue.expected}, got ${issue.got}`)
  if (omitted > 0) lines.push(`... and ${omitted} more`)
  return [count, ...lines].join('\n')
}
