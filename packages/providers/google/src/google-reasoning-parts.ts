import type { ReasoningPart } from '@dspex/provider'
import type { GoogleResponsePart } from './google-wire-schemas.js'

/** Gathers Gemini's thought parts and thought signatures into reasoning parts, part by part. */
export interface GoogleReasoningCollector {
  /**
   * Takes the next response part; returns a reasoning part when this one closes it: a thought or text part
   * carrying a `thoughtSignature` gives the thought text gathered so far (maybe empty) with that signature.
   * Function-call signatures stay on their tool calls.
   */
  add(part: GoogleResponsePart): ReasoningPart | undefined
  /** Returns the thought text gathered since the last signature, unsigned, if there is any. */
  flush(): ReasoningPart | undefined
}

/**
 * Creates a {@link GoogleReasoningCollector}, shared by `generate` and `stream` so both return the same parts.
 *
 * @example
 * ```ts
 * const collector = createGoogleReasoningCollector()
 * const parts = [...candidate.content.parts.flatMap((part) => collector.add(part) ?? []), ...(collector.flush() ?? [])]
 * ```
 */
export function createGoogleReasoningCollector(): GoogleReasoningCollector {
  let thought = ''
  const close = (signature?: string): ReasoningPart => {
    const part: ReasoningPart = { type: 'reasoning', provider: 'google', text: thought, ...(signature === undefined ? {} : { signature }) }
    thought = ''
    return part
  }
  return {
    add(part) {
      if (part.functionCall !== undefined) return undefined
      if (part.thought === true && part.text !== undefined) thought += part.text
      return part.thoughtSignature === undefined || part.thoughtSignature === '' ? undefined : close(part.thoughtSignature)
    },
    flush() {
      return thought === '' ? undefined : close()
    },
  }
}
