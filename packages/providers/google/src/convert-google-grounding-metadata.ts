import type { URLCitation } from '@dspex/provider'
import type { GoogleGroundingMetadata } from './google-wire-schemas.js'

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/**
 * Converts a candidate's `groundingMetadata` (grounding with Google Search, Vertex retrieval) to citations: one per
 * grounding support and chunk it names, with the supported segment's text, then one for each chunk no support names.
 * A chunk is a web page (`web`) or a retrieved document (`retrievedContext`) with a URI; chunks without one are
 * skipped. Gemini's segment offsets count bytes within one part, so they are not kept as a text range.
 *
 * @example
 * ```ts
 * convertGoogleGroundingMetadata({
 *   groundingChunks: [{ web: { uri: 'https://example.com/euro-2024', title: 'example.com' } }],
 *   groundingSupports: [{ segment: { text: 'Spain won Euro 2024.' }, groundingChunkIndices: [0] }],
 * }) // [{ type: 'url', url: 'https://example.com/euro-2024', title: 'example.com', supportedText: 'Spain won Euro 2024.' }]
 * ```
 */
export function convertGoogleGroundingMetadata(metadata: GoogleGroundingMetadata | undefined): URLCitation[] {
  if (metadata === undefined) return []
  const sources = (metadata.groundingChunks ?? []).map((chunk) => {
    const source = chunk.web ?? chunk.retrievedContext
    const url = text(source?.uri)
    if (url === undefined) return undefined
    const title = text(source?.title)
    return { type: 'url' as const, url, ...(title === undefined ? {} : { title }) }
  })
  const citations: URLCitation[] = []
  const used = new Set<number>()
  for (const support of metadata.groundingSupports ?? []) {
    const supportedText = text(support.segment?.text)
    for (const index of support.groundingChunkIndices ?? []) {
      const source = sources[index]
      if (source === undefined) continue
      used.add(index)
      citations.push({ ...source, ...(supportedText === undefined ? {} : { supportedText }) })
    }
  }
  for (const [index, source] of sources.entries()) if (source !== undefined && !used.has(index)) citations.push(source)
  return citations
}
