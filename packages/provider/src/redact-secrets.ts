/** What a secret is replaced with wherever it would otherwise appear. */
export const REDACTED = '[REDACTED]'

/** Secrets shorter than this are not searched for: they would mangle unrelated text and are not real keys. */
const minimumSecretLength = 4

/** The secrets worth searching for, each with its URL-encoded form, the longest first (so a key is not half-replaced by a shorter secret it contains). */
export function usableSecrets(secrets: readonly (string | undefined)[]): readonly string[] {
  // Every call of a provider carries the same credentials: the last answer is kept.
  const key = secrets.join('\u0000')
  if (key === lastSecrets.key) return lastSecrets.usable
  const usable = computeUsableSecrets(secrets)
  lastSecrets = { key, usable }
  return usable
}

let lastSecrets: { readonly key: string; readonly usable: readonly string[] } = { key: '', usable: [] }

function computeUsableSecrets(secrets: readonly (string | undefined)[]): readonly string[] {
  const unique = new Set<string>()
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < minimumSecretLength) continue
    unique.add(secret)
    unique.add(encodeURIComponent(secret))
  }
  return [...unique].sort((left, right) => right.length - left.length)
}

function replaceSecrets(text: string, usable: readonly string[]): string {
  let result = text
  for (const secret of usable) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED)
  }
  return result
}

/**
 * Replaces every occurrence of each secret in `text` with `[REDACTED]`, including its
 * URL-encoded form (a key sent as a query parameter shows up encoded in URLs).
 *
 * Every error constructor that carries a body, headers or a URL runs its text through this,
 * so an API key never reaches a message, a stack, a log or a JSON dump.
 *
 * @param text - The text to clean.
 * @param secrets - The values to hide (API keys, tokens); `undefined` and very short values are ignored.
 * @returns The text with every secret replaced.
 * @example
 * ```ts
 * redactSecrets('Incorrect API key: sk-abc123', ['sk-abc123']) // 'Incorrect API key: [REDACTED]'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.length === 0 ? text : replaceSecrets(text, usableSecrets(secrets))
}

/**
 * Returns a copy of a JSON-like value (a request body, parsed response data) with every secret
 * redacted from its strings and object keys. Non-plain objects are kept as they are.
 *
 * @param value - The value to clean.
 * @param secrets - The values to hide.
 * @returns The cleaned copy (the value itself when there is nothing to hide).
 */
export function redactValue<Value>(value: Value, secrets: readonly (string | undefined)[]): Value {
  const usable = usableSecrets(secrets)
  if (usable.length === 0) return value
  return redactUnknown(value, usable, new WeakSet()) as Value
}

function redactUnknown(value: unknown, secrets: readonly string[], seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return replaceSecrets(value, secrets)
  if (typeof value !== 'object' || value === null || seen.has(value)) return value
  seen.add(value)
  if (Array.isArray(value)) return value.map((item) => redactUnknown(item, secrets, seen))
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const copy: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    copy[replaceSecrets(key, secrets)] = redactUnknown(item, secrets, seen)
  }
  return copy
}

/**
 * Returns a copy of an error cause that is safe to keep: an `Error` whose message or stack
 * contains a secret is replaced by a plain `Error` of the same name with both redacted.
 * Anything else is returned unchanged.
 *
 * @param cause - The underlying error.
 * @param secrets - The values to hide.
 * @returns The cause, or a redacted copy of it.
 */
export function redactCause(cause: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!(cause instanceof Error) || usableSecrets(secrets).length === 0) return cause
  const stack = cause.stack ?? ''
  if (redactSecrets(cause.message, secrets) === cause.message && redactSecrets(stack, secrets) === stack) return cause
  const copy = new Error(redactSecrets(cause.message, secrets))
  copy.name = cause.name
  copy.stack = redactSecrets(stack, secrets)
  return copy
}
