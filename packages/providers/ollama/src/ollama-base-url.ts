/** Ollama's default address. */
export const defaultOllamaBaseURL = 'http://127.0.0.1:11434'

/**
 * Resolves Ollama's base URL: the explicit setting, else `OLLAMA_HOST` (which may omit the scheme, as in
 * `0.0.0.0:11434`, and then means `http://`), else `http://127.0.0.1:11434`. Trailing slashes are dropped.
 */
export function resolveOllamaBaseURL(baseURL: string | undefined): string {
  const host = baseURL ?? process.env.OLLAMA_HOST?.trim()
  if (host === undefined || host === '') return defaultOllamaBaseURL
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`
  return withScheme.replace(/\/+$/, '')
}
