/** Response headers as a `Headers` object or a plain record (any key case). */
export type HeadersLike = Headers | Readonly<Record<string, string | undefined>>

function readHeader(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined) return value
  }
  return undefined
}

/**
 * Reads how long a provider asked the caller to wait, in milliseconds: `retry-after-ms`
 * (milliseconds, as OpenAI sends it) first, then `retry-after` as seconds or as an HTTP date.
 * A date in the past gives 0.
 *
 * @param headers - The response headers.
 * @param now - The current time in milliseconds since the epoch (for HTTP dates).
 * @returns The delay in milliseconds, or `undefined` when neither header holds a usable value.
 * @example
 * ```ts
 * parseRetryAfter({ 'retry-after': '2' }) // 2000
 * parseRetryAfter({ 'retry-after-ms': '150' }) // 150
 * ```
 */
export function parseRetryAfter(headers: HeadersLike, now: number = Date.now()): number | undefined {
  const milliseconds = readHeader(headers, 'retry-after-ms')?.trim()
  if (milliseconds !== undefined && /^\d+(\.\d+)?$/.test(milliseconds)) return Number(milliseconds)

  const retryAfter = readHeader(headers, 'retry-after')?.trim()
  if (retryAfter === undefined || retryAfter === '') return undefined
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000
  const date = Date.parse(retryAfter)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}
