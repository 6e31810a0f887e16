const rootMarker = Symbol.for('dspex.error')
const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom')

/** Keys `toJSON` and `util.inspect` print anyway, so {@link DSPexError.typedFields} leaves them out. */
const ownKeys = new Set(['name', 'code', 'message', 'cause', 'stack'])

/** Options every DSPex error takes: a message, a stable code and an optional cause. */
export interface DSPexErrorOptions<Code extends string = string> {
  /** What was wrong and where. */
  readonly message: string
  /** A stable, machine-readable code (kebab-case) a caller can branch on. Required: there is no default. */
  readonly code: Code
  /** The underlying error, if any. */
  readonly cause?: unknown
}

/** What {@link DSPexError.toJSON} returns: a plain object, safe to log or send. */
export interface DSPexErrorJSON {
  /** The class name (`AdapterParseError`). */
  readonly name: string
  /** The stable code. */
  readonly code: string
  /** The message. */
  readonly message: string
  /** A summary of the cause: another error's `toJSON`, or the name, message and code of a plain `Error`. */
  readonly cause?: unknown
  /** The class's own typed fields, as {@link DSPexError.typedFields} gives them. */
  readonly [field: string]: unknown
}

/** The `inspect` function Node passes to a custom inspector, as far as this class uses it. */
type InspectFunction = (value: unknown, options?: Readonly<Record<string, unknown>>) => string

/**
 * The root of every DSPex error, `@dspex/provider`'s `ProviderError` included. Every class below it follows one rule
 * (the package README states it with a tested example):
 *
 * - **One class per file, in `src/errors/`**, constructed from one options object (`message`, `cause`, typed fields).
 * - **Its own marker.** Each class declares `static override readonly marker = Symbol.for('dspex.error.<kebab-name>')`
 *   (provider errors use `dspex.provider.error.<kebab-name>`). The constructor walks the class chain with
 *   `Object.hasOwn` and throws a `TypeError` naming the class when one class of the chain has no marker of its own,
 *   reuses another's, or uses a symbol that is not from `Symbol.for` (which would not match across package copies).
 *   Each instance carries every marker of its chain as an own property set to `true`, `Symbol.for('dspex.error')` among them.
 * - **A required, stable code.** `code` is a kebab-case string; each class narrows it to its own union of literals
 *   (`declare readonly code: PredictErrorCode`). There is no default. Provider errors have one code per class, the
 *   static `code` each class declares, so their options take none.
 * - **`isInstance` and `instanceof`** check the marker of the class they are called on, so they work across duplicated
 *   copies of a package and say no for a base or a sibling; called on a class without a marker of its own, they say no.
 * - **`toJSON()`** returns a plain object: name, code, message, the class's typed fields ({@link DSPexError.typedFields},
 *   which a class overrides to shorten or hide a field) and a summary of the cause (name, message, code, never its
 *   other properties).
 * - **Concise printing.** `util.inspect` and `console.log` print `Name [code]: message`, as Node's own coded errors
 *   read, the stack frames and the typed fields one level deep, never a whole nested object. The stack itself keeps
 *   V8's `Name: message` header (rewriting it would force every error to format its stack when thrown). Node
 *   prints an uncaught error without custom inspection (every enumerable field, five levels deep), so a field holding a
 *   large object (a signature, a result, a request body) is set with {@link DSPexError.setLargeField}, which keeps it
 *   out of that dump but in `toJSON` and `util.inspect`.
 *
 * @example
 * ```ts
 * type QuotaErrorCode = 'quota-exceeded' | 'quota-unknown'
 *
 * class QuotaError extends DSPexError {
 *   static override readonly marker = Symbol.for('dspex.error.quota')
 *   declare readonly code: QuotaErrorCode
 *   readonly limit: number
 *
 *   constructor(options: { message: string; code: QuotaErrorCode; limit: number; cause?: unknown }) {
 *     super(options)
 *     this.limit = options.limit
 *   }
 * }
 *
 * try { throw new QuotaError({ message: 'Over 10 calls.', code: 'quota-exceeded', limit: 10 }) } catch (error) {
 *   if (QuotaError.isInstance(error)) console.log(error.code, error.limit) // quota-exceeded 10
 * }
 * ```
 */
export class DSPexError extends Error {
  /** The marker of this class, `Symbol.for('dspex.error')`; every subclass declares its own. */
  static readonly marker: symbol = rootMarker
  /** A stable, machine-readable code; subclasses narrow its type. */
  readonly code: string

  /** @throws TypeError when a class of the chain declares no marker of its own, or when `code` is not a non-empty string. */
  constructor(options: DSPexErrorOptions) {
    const markers = classMarkers(new.target)
    if (typeof options.code !== 'string' || options.code === '') {
      throw new TypeError(`${new.target.name} was constructed without a code: every DSPex error needs a stable, non-empty code.`)
    }
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause })
    Object.defineProperty(this, 'name', { value: new.target.name, writable: true, configurable: true, enumerable: false })
    this.code = options.code
    for (const marker of markers) Object.defineProperty(this, marker, { value: true })
    // The stack is left to V8, which formats it only when read: reading it here would cost every error (parsers
    // throw and catch many) several microseconds. An uncaught throw prints its default `Name: message` header.
  }

  /**
   * True when `value` is an instance of the class this is called on (by its marker, so also for an instance from another
   * copy of the package); false for a base, a sibling, or when the class has no marker of its own.
   */
  static isInstance<Class extends abstract new (...args: never[]) => DSPexError>(this: Class, value: unknown): value is InstanceType<Class> {
    return carriesMarkerOf(this, value)
  }

  /** Makes `instanceof` check the marker of the class on its right, as {@link DSPexError.isInstance} does. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return carriesMarkerOf(this, value)
  }

  /**
   * The class's own typed fields, for {@link DSPexError.toJSON} and `util.inspect`: every own string-keyed property
   * (those set with {@link DSPexError.setLargeField} included) except the ones printed anyway (name, code, message,
   * cause, stack), without `undefined` values, with errors summarised. Override it to shorten a field (a whole
   * signature becomes its string form) or leave one out.
   */
  protected typedFields(): Record<string, unknown> {
    const fields: Record<string, unknown> = {}
    for (const key of Object.getOwnPropertyNames(this)) {
      const value: unknown = (this as Record<string, unknown>)[key]
      if (ownKeys.has(key) || value === undefined || typeof value === 'function') continue
      fields[key] = plainValue(value, 3)
    }
    return fields
  }

  /**
   * Sets a typed field that holds a large object (a signature, a result, a request body) as a non-enumerable own
   * property. Node prints an uncaught error without custom inspection, listing every enumerable property five levels
   * deep; a field set this way stays out of that, while {@link DSPexError.toJSON} and `util.inspect` still show it.
   * Declare the field with `declare readonly`, so no class field overwrites it.
   */
  protected setLargeField<Key extends keyof this & string>(key: Key, value: this[Key]): void {
    Object.defineProperty(this, key, { value, writable: false, enumerable: false, configurable: true })
  }

  /** A plain object for logs and JSON: name, code, message, the typed fields and a summary of the cause. */
  toJSON(): DSPexErrorJSON {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message }
    if (serializing.has(this)) return json as DSPexErrorJSON
    serializing.add(this)
    try {
      Object.assign(json, this.typedFields())
      if (this.cause !== undefined) json.cause = summarizeError(this.cause)
    } finally {
      serializing.delete(this)
    }
    return json as DSPexErrorJSON
  }

  /**
   * How Node's `util.inspect`, `console.log` and an uncaught throw print the error: `Name [code]: message`, the stack
   * frames, then the typed fields one level deep and the cause.
   */
  [inspectCustom](depth: number, options: Readonly<Record<string, unknown>>, inspect?: InspectFunction): string {
    if (depth < 0) return `[${this.name} [${this.code}]]`
    const format: InspectFunction = inspect ?? ((value) => (typeof value === 'string' ? JSON.stringify(value) : String(value)))
    const short = { colors: options.colors === true, depth: 0, breakLength: Number.POSITIVE_INFINITY, maxStringLength: 200, maxArrayLength: 10 }
    const lines = Object.entries(this.typedFields()).map(([key, value]) => `  ${key}: ${format(value, short)}`)
    if (this.cause !== undefined) {
      const cause = format(this.cause, { ...options, depth: depth - 1 })
      lines.push(`  [cause]: ${cause.split('\n').join('\n  ')}`)
    }
    const frames = stackFrames(this.stack)
    const text = frames === '' ? headerOf(this) : `${headerOf(this)}\n${frames}`
    return lines.length === 0 ? text : `${text} {\n${lines.join(',\n')}\n}`
  }
}

/** Errors whose `toJSON` is running, so a cycle of causes ends instead of recursing forever. */
const serializing = new WeakSet<object>()

/** The marker of every class from `target` up to `DSPexError`, checked once per class. */
const markersByClass = new WeakMap<object, readonly symbol[]>()

function classMarkers(target: abstract new (...args: never[]) => unknown): readonly symbol[] {
  const known = markersByClass.get(target)
  if (known !== undefined) return known
  const owners = new Map<symbol, string>()
  let current: unknown = target
  while (typeof current === 'function') {
    const name = current.name || 'An anonymous error class'
    const marker: unknown = Object.hasOwn(current, 'marker') ? (current as unknown as { marker: unknown }).marker : undefined
    if (typeof marker !== 'symbol') {
      throw new TypeError(
        `${name} declares no marker of its own: add \`static override readonly marker = Symbol.for('dspex.error.<kebab-name>')\` to it, so isInstance and instanceof do not mistake its base for it.`,
      )
    }
    if (Symbol.keyFor(marker) === undefined)
      throw new TypeError(`${name}'s marker must come from Symbol.for, so it matches across copies of the package.`)
    const owner = owners.get(marker)
    if (owner !== undefined) throw new TypeError(`${owner} reuses the marker ${String(marker)} of its base ${name}: give it its own.`)
    owners.set(marker, name)
    if (current === DSPexError) break
    current = Object.getPrototypeOf(current)
  }
  const markers = [...owners.keys()]
  markersByClass.set(target, markers)
  return markers
}

function carriesMarkerOf(target: object, value: unknown): boolean {
  if (!Object.hasOwn(target, 'marker')) return false
  const marker: unknown = (target as { marker: unknown }).marker
  return typeof marker === 'symbol' && typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
}

/** A cause as plain data: a DSPex error's own `toJSON`, a plain error's name, message and code, a primitive as it is. */
function summarizeError(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[rootMarker] === true) {
    const toJSON: unknown = (value as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return toJSON.call(value)
  }
  if (value instanceof Error) {
    const code: unknown = (value as { code?: unknown }).code
    return typeof code === 'string' ? { name: value.name, message: value.message, code } : { name: value.name, message: value.message }
  }
  return typeof value === 'object' && value !== null ? String(value) : value
}

/** A field value with the errors inside plain arrays and objects (down to `depth` levels) summarised. */
function plainValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) return summarizeError(value)
  if (depth === 0 || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item) => plainValue(item, depth - 1))
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainValue(item, depth - 1)]))
}

/** `Name [code]: message`, the first line Node gives its own coded errors. */
function headerOf(error: DSPexError): string {
  return `${error.name} [${error.code}]: ${error.message}`
}

/** The `at ...` lines of a stack, without its header (whose name and message may be stale or span lines). */
function stackFrames(stack: string | undefined): string {
  if (stack === undefined) return ''
  const lines = stack.split('\n')
  const first = lines.findIndex((line) => /^\s+at\s/.test(line))
  return first === -1 ? '' : lines.slice(first).join('\n')
}
