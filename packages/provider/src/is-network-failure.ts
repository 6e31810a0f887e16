const networkCodes = /^(ECONN|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_)/

/**
 * True for what Node's `fetch` (undici) throws when the connection fails: `TypeError: fetch failed`
 * before the response, `TypeError: terminated` while the body is read, or a `TypeError` whose
 * cause has a socket error code (`ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`...).
 *
 * @param error - Anything a fetch or a body read threw.
 * @returns Whether it is a connection failure.
 */
export function isNetworkFailure(error: unknown): error is TypeError {
  if (!(error instanceof TypeError)) return false
  if (error.message === 'fetch failed' || error.message === 'terminated') return true
  const code = (error.cause as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && networkCodes.test(code)
}

/** Certificate and TLS failures: the connection failed, but trying again will not help. */
const certificateCodes = /(CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER)/

/** True for a connection failure caused by the server's certificate or the TLS handshake (not worth retrying). */
export function isCertificateFailure(error: TypeError): boolean {
  const code = (error.cause as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && certificateCodes.test(code)
}

/** The failure's message with its cause's (`fetch failed (connect ECONNREFUSED 127.0.0.1:9)`). */
export function describeNetworkFailure(error: Error): string {
  const cause = error.cause instanceof Error ? error.cause.message : undefined
  return cause === undefined || cause === '' ? error.message : `${error.message} (${cause})`
}
