import { SpecialTypeError } from '../errors/special-type-error.js'
import type { SpecialTypeName } from '../type-node.js'

/** Options of the explicit downloads `Image.fromURL` and `Audio.fromURL`. */
export interface FetchRemoteResourceOptions {
  /** The fetch to use (default: the global `fetch`). */
  readonly fetch?: typeof globalThis.fetch
  /** Aborts the download. */
  readonly signal?: AbortSignal
  /** Milliseconds to wait before giving up (default 30,000, DSPy's `timeout=30.0`); `null` waits forever. */
  readonly timeoutMs?: number | null
}

/** A downloaded resource: its bytes and the `Content-Type` header ('' when absent). */
export interface RemoteResource {
  readonly bytes: Uint8Array
  readonly contentType: string
}

/** True for an `http:` or `https:` URL with a host (the only URLs DSPy downloads). */
export function isHTTPURL(value: string): boolean {
  return /^https?:\/\/[^/?#]/i.test(value)
}

/**
 * Downloads an HTTP(S) resource for an explicit `fromURL` call. Like DSPy, it applies no
 * protection beyond the scheme check: a caller passing untrusted URLs must vet the host first.
 *
 * @throws {SpecialTypeError} when the URL is not HTTP(S), the request fails, or the status is not 2xx.
 */
export async function fetchRemoteResource(url: string, typeName: SpecialTypeName, options: FetchRemoteResourceOptions = {}): Promise<RemoteResource> {
  if (!isHTTPURL(url)) {
    throw new SpecialTypeError({ message: `${typeName}.fromURL requires an HTTP(S) URL, received: ${url}`, typeName })
  }
  const timeoutMs = options.timeoutMs === undefined ? 30_000 : options.timeoutMs
  const signals = [options.signal, timeoutMs === null ? undefined : AbortSignal.timeout(timeoutMs)].filter(
    (signal): signal is AbortSignal => signal !== undefined,
  )
  const fetchFunction = options.fetch ?? globalThis.fetch
  let response: Response
  try {
    response = await fetchFunction(url, signals.length === 0 ? {} : { signal: AbortSignal.any(signals) })
  } catch (cause) {
    throw new SpecialTypeError({ message: `Could not download ${url}: ${String(cause)}`, typeName, cause })
  }
  if (!response.ok) {
    throw new SpecialTypeError({
      message: `Could not download ${url}: HTTP ${response.status} ${response.statusText}`.trimEnd(),
      typeName,
    })
  }
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') ?? '' }
}
