import { combineHeaders } from './combine-headers.js'

/**
 * Appends parts to the `user-agent` header, keeping any value the caller set first.
 *
 * @param headers - The request headers.
 * @param parts - What to append (`dspex-openai/0.1.0`); empty parts are skipped.
 * @returns A new record with lower-case names and the extended `user-agent`.
 * @example
 * ```ts
 * withUserAgent({ 'User-Agent': 'my-app/1.0' }, 'dspex-acme/0.1.0') // { 'user-agent': 'my-app/1.0 dspex-acme/0.1.0' }
 * ```
 */
export function withUserAgent(
  headers: Readonly<Record<string, string | undefined>> | undefined,
  ...parts: readonly string[]
): Record<string, string> {
  const combined = combineHeaders(headers)
  const userAgent = [combined['user-agent'], ...parts].filter((part) => part !== undefined && part.trim() !== '')
  if (userAgent.length > 0) combined['user-agent'] = userAgent.join(' ')
  return combined
}
