/** Header names whose values are credentials. */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'cookie'])

/** Query parameter names whose values are credentials (Google's `?key=`). */
const credentialParameters = new Set(['key', 'api_key', 'apikey', 'api-key', 'access_token', 'token'])

/**
 * Lists the credentials a request carries, so errors about it can redact them: the values of
 * credential headers (`authorization`, `x-api-key`, `api-key`, `x-goog-api-key`...), the token
 * after an auth scheme (`Bearer sk-...`), credential query parameters (`?key=`) and any
 * `secrets` given explicitly.
 *
 * @param headers - The request headers.
 * @param url - The request URL.
 * @param secrets - Extra values to hide.
 * @returns Every secret found (may contain duplicates).
 */
export function collectRequestSecrets(
  headers: Readonly<Record<string, string | undefined>>,
  url: string,
  secrets: readonly (string | undefined)[] = [],
): string[] {
  const found: string[] = []
  for (const secret of secrets) if (secret !== undefined) found.push(secret)
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || !credentialHeaders.has(name.toLowerCase())) continue
    found.push(value)
    const token = /^\s*(bearer|basic|token)\s+(.+)$/i.exec(value)?.[2]
    if (token !== undefined) found.push(token.trim())
  }
  if (!url.includes('?')) return found
  try {
    for (const [name, value] of new URL(url).searchParams) {
      if (credentialParameters.has(name.toLowerCase())) found.push(value)
    }
  } catch {
    // Not an absolute URL: nothing to read from it.
  }
  return found
}
