/** A `fetch`-compatible function, for proxies, instrumentation or other runtimes. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>
