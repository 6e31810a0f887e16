import type { Citation, CitationLocation } from '@dspex/provider'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const integer = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined)

function location(unit: CitationLocation['unit'], start: unknown, end: unknown): { location: CitationLocation } | Record<string, never> {
  const from = integer(start)
  const to = integer(end)
  return from === undefined || to === undefined ? {} : { location: { unit, start: from, end: to } }
}

/**
 * Converts one of Anthropic's citations on a text block to a provider-neutral {@link Citation}: `char_location`,
 * `page_location` and `content_block_location` quote a document of the request (`search_result_location` a search
 * result the caller gave, by its index), `web_search_result_location` a page the web search tool found. The block's
 * text is what the citation supports. Returns undefined for a citation of an unknown type.
 *
 * @example
 * ```ts
 * convertAnthropicCitation({ type: 'char_location', cited_text: 'Water boils at 100°C.', document_index: 0, start_char_index: 0, end_char_index: 21 }, 'It boils at 100°C.')
 * // { type: 'document', documentIndex: 0, citedText: 'Water boils at 100°C.', location: { unit: 'char', start: 0, end: 21 }, supportedText: 'It boils at 100°C.' }
 * ```
 */
export function convertAnthropicCitation(citation: unknown, supportedText: string): Citation | undefined {
  if (!isRecord(citation)) return undefined
  const citedText = text(citation.cited_text) ?? ''
  const supported = supportedText === '' ? {} : { supportedText }
  if (citation.type === 'web_search_result_location') {
    const url = text(citation.url)
    if (url === undefined) return undefined
    const title = text(citation.title)
    return { type: 'url', url, ...(title === undefined ? {} : { title }), ...(citedText === '' ? {} : { citedText }), ...supported }
  }
  const kinds: Record<string, () => { location: CitationLocation } | Record<string, never>> = {
    char_location: () => location('char', citation.start_char_index, citation.end_char_index),
    page_location: () => location('page', citation.start_page_number, citation.end_page_number),
    content_block_location: () => location('block', citation.start_block_index, citation.end_block_index),
    search_result_location: () => location('block', citation.start_block_index, citation.end_block_index),
  }
  const type = text(citation.type)
  const where = type === undefined ? undefined : kinds[type]
  if (where === undefined) return undefined
  const documentIndex = integer(type === 'search_result_location' ? citation.search_result_index : citation.document_index) ?? 0
  const documentTitle = text(type === 'search_result_location' ? citation.title : citation.document_title)
  return {
    type: 'document',
    documentIndex,
    ...(documentTitle === undefined ? {} : { documentTitle }),
    citedText,
    ...where(),
    ...supported,
  }
}
