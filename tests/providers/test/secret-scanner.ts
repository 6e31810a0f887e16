// Looks for an API key in every text form a value can take: messages, stacks, JSON, util.inspect,
// cause chains and every string reachable through an object's own properties.
import { inspect } from 'node:util'

/** The distinctive API key the leak tests give every provider. */
export const secret = 'sk-dspex-SECRET-123'

/** The forms of the key that count as a leak: the key, its distinctive tail (a key cut or masked at the front), its base64. */
const secretForms = [secret, 'SECRET-123', Buffer.from(secret).toString('base64')]

/** True when `text` holds the key in any of its forms. */
export function containsSecret(text: string): boolean {
  return secretForms.some((form) => text.includes(form))
}

/** The names of the views whose text holds the key (empty when nothing leaked). */
export function leakedViews(views: Readonly<Record<string, string>>): string[] {
  return Object.entries(views)
    .filter(([, text]) => containsSecret(text))
    .map(([where]) => where)
}

/** `JSON.stringify`, or the reason it failed (a failure is itself text to scan). */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined'
  } catch (error) {
    return `JSON.stringify failed: ${String(error)}`
  }
}

/** Every string reachable from `value` through own properties (enumerable or not, symbol keys too), keys included. */
export function reachableStrings(value: unknown, depth = 12, seen = new WeakSet<object>()): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return [String(value)]
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || depth === 0 || seen.has(value)) return []
  seen.add(value)
  const found: string[] = []
  if (value instanceof Map) {
    for (const [key, item] of value) found.push(...reachableStrings(key, depth - 1, seen), ...reachableStrings(item, depth - 1, seen))
  }
  if (value instanceof Set) for (const item of value) found.push(...reachableStrings(item, depth - 1, seen))
  if (ArrayBuffer.isView(value)) found.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1'))
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string') found.push(key)
    const descriptor = Object.getOwnPropertyDescriptor(value, key)
    if (descriptor !== undefined && 'value' in descriptor) found.push(...reachableStrings(descriptor.value, depth - 1, seen))
  }
  return found
}

/**
 * Every text form of a thrown value, named: its message, `String(error)`, `JSON.stringify`,
 * `util.inspect` at depth 10, the stack, the typed fields of an `APICallError` (`url`,
 * `requestBodyValues`, `responseHeaders`, `responseBody`, `data`, `text`), each cause in the chain,
 * and every string reachable through its properties.
 */
export function errorViews(error: unknown, label: string): Record<string, string> {
  const views: Record<string, string> = {}
  const record = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>
  views[`${label}: String`] = String(error)
  views[`${label}: JSON`] = jsonText(error)
  views[`${label}: inspect`] = inspect(error, { depth: 10 })
  views[`${label}: reachable strings`] = reachableStrings(error).join('\n')
  if (error instanceof Error) {
    views[`${label}: message`] = error.message
    views[`${label}: stack`] = error.stack ?? ''
  }
  for (const field of ['url', 'requestBodyValues', 'responseHeaders', 'responseBody', 'data', 'text']) {
    if (record[field] !== undefined) views[`${label}: ${field}`] = typeof record[field] === 'string' ? record[field] : jsonText(record[field])
  }
  let cause: unknown = error instanceof Error ? error.cause : undefined
  for (let depth = 1; cause !== undefined && depth <= 10; depth += 1) {
    views[`${label}: cause ${depth}`] = `${String(cause)}\n${inspect(cause, { depth: 10 })}\n${cause instanceof Error ? (cause.stack ?? '') : ''}`
    cause = cause instanceof Error ? cause.cause : undefined
  }
  return views
}
