import { DSPexError } from '@dspex/core'

/** What kind of problem a {@link StateLoadError} reports. */
export type StateLoadErrorCode =
  /** A key the program needs is not in the saved state (DSPy's `KeyError`). */
  | 'state-missing-key'
  /** A key holds a value of the wrong kind. */
  | 'state-invalid-value'
  /** The path does not end with `.json` (`.pkl` is not supported). */
  | 'state-file-suffix'
  /** The file could not be read. */
  | 'state-file-read'
  /** The file is not valid JSON. */
  | 'state-file-json'

/** One step of a path into saved state: an object key or an array index. */
export type StatePathSegment = string | number

/**
 * Saved state that cannot be loaded into a program. `path` leads to the first bad or missing key,
 * from the top of the saved object: `['cot.predict', 'demos', 0]`; `key` is the same path as text,
 * `cot.predict.demos[0]`. Loading is transactional, so the program is unchanged when this is thrown.
 *
 * @see dspy.Module.load_state
 */
export class StateLoadError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.state-load')
  declare readonly code: StateLoadErrorCode
  /** The path to the bad or missing key, from the top of the saved object. */
  readonly path: readonly StatePathSegment[]
  /** What is wrong there, without the location. */
  readonly reason: string

  constructor(options: {
    reason: string
    code: StateLoadErrorCode
    path?: readonly StatePathSegment[]
    cause?: unknown
  }) {
    const path = options.path ?? []
    const where = path.length === 0 ? 'Invalid saved state' : `Invalid saved state at ${formatStatePath(path)}`
    super({ message: `${where}: ${options.reason}`, code: options.code, cause: options.cause })
    this.path = path
    this.reason = options.reason
  }

  /** {@link StateLoadError.path} as text: `cot.predict.demos[0].question`. */
  get key(): string {
    return formatStatePath(this.path)
  }

  /** The error for a key that is missing from the object at `path`. */
  static missing(path: readonly StatePathSegment[], found?: readonly string[]): StateLoadError {
    const listed = found === undefined ? '' : ` (keys found: ${found.length === 0 ? 'none' : found.map((key) => `'${key}'`).join(', ')})`
    return new StateLoadError({ reason: `the key is missing${listed}.`, code: 'state-missing-key', path })
  }

  /** The error for a value at `path` that is not what was `expected` (`an array`, `a string` ...). */
  static invalid(path: readonly StatePathSegment[], expected: string, got: unknown): StateLoadError {
    return new StateLoadError({ reason: `expected ${expected}, got ${describeStateValue(got)}.`, code: 'state-invalid-value', path })
  }

  /**
   * `error`, thrown while loading the entry at `prefix`, as a StateLoadError whose path starts with
   * `prefix`: a StateLoadError keeps its code and reason, anything else becomes its `cause`.
   */
  static within(prefix: readonly StatePathSegment[], error: unknown): StateLoadError {
    if (StateLoadError.isInstance(error)) {
      return new StateLoadError({ reason: error.reason, code: error.code, path: [...prefix, ...error.path], cause: error.cause })
    }
    const reason = error instanceof Error ? error.message : String(error)
    return new StateLoadError({ reason, code: 'state-invalid-value', path: prefix, cause: error })
  }
}

/** A path into saved state as text: plain keys joined by `.`, indices as `[0]`. */
export function formatStatePath(path: readonly StatePathSegment[]): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else text += text === '' ? segment : `.${segment}`
  }
  return text
}

function describeStateValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}
