import type { Adapter } from './adapter.js'
import type { ChatAdapter } from './chat-adapter.js'

/** Makes the adapter a {@link ChatAdapter} retries a failed call with, from the adapter whose call failed. */
export type FallbackAdapterFactory = (failed: ChatAdapter) => Adapter

let defaultFactory: FallbackAdapterFactory | undefined

/**
 * Sets the fallback of every {@link ChatAdapter} not given its own `fallbackAdapter`. `json-adapter.ts` sets it to a
 * `JSONAdapter` when it loads (the package's index loads it): chat-adapter.ts cannot import the class that extends it.
 * Not exported from the package.
 */
export function setDefaultFallbackAdapter(factory: FallbackAdapterFactory): void {
  defaultFactory = factory
}

/** The default fallback for a failed call of `adapter`, or undefined when none is set. */
export function defaultFallbackAdapter(adapter: ChatAdapter): Adapter | undefined {
  return defaultFactory?.(adapter)
}
