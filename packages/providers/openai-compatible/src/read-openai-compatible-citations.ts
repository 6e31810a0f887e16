import type { URLCitation } from '@dspex/provider'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** The fields of a Chat Completions reply (or chunk) and its message (or delta) that can carry sources. */
export interface OpenAICompatibleCitationFields {
  /** Perplexity's top-level list of source URLs. */
  readonly citations?: unknown
  /** Perplexity's top-level sources with titles (`[{ title, url, date }]`), preferred to `citations`. */
  readonly search_results?: unknown
}

/** A message's `annotations` (OpenAI's search models): `[{ type: 'url_citation', url_citation: { url, title, start_index, end_index } }]`. */
function readAnnotations(annotations: unknown, content: string | null): URLCitation[] {
  if (!Array.isArray(annotations)) return []
  return annotations.flatMap((annotation): URLCitation[] => {
    if (!isRecord(annotation) || annotation.type !== 'url_citation' || !isRecord(annotation.url_citation)) return []
    const cited = annotation.url_citation
    const url = text(cited.url)
    if (url === undefined) return []
    const title = text(cited.title)
    const { start_index: start, end_index: end } = cited
    const range = typeof start === 'number' && typeof end === 'number' && start <= end ? { start, end } : undefined
    const supportedText = range === undefined || content === null ? undefined : text(content.slice(range.start, range.end))
    return [
      {
        type: 'url',
        url,
        ...(title === undefined ? {} : { title }),
        ...(supportedText === undefined ? {} : { supportedText }),
        ...(range === undefined ? {} : { textRange: range }),
      },
    ]
  })
}

/** Perplexity's sources: `search_results` (with titles) when given, else the `citations` URLs. */
function readSources(fields: OpenAICompatibleCitationFields): URLCitation[] {
  if (Array.isArray(fields.search_results) && fields.search_results.length > 0) {
    return fields.search_results.flatMap((result): URLCitation[] => {
      const url = isRecord(result) ? text(result.url) : undefined
      if (url === undefined) return []
      const title = isRecord(result) ? text(result.title) : undefined
      return [{ type: 'url', url, ...(title === undefined ? {} : { title }) }]
    })
  }
  if (!Array.isArray(fields.citations)) return []
  return fields.citations.flatMap((url): URLCitation[] => (text(url) === undefined ? [] : [{ type: 'url', url: url as string }]))
}

/**
 * The sources of a Chat Completions reply as citations: the message's `url_citation` annotations (OpenAI's search
 * models), each with the text it supports, then Perplexity's top-level `search_results` (or `citations` URLs).
 *
 * @example
 * ```ts
 * readOpenAICompatibleCitations({ citations: ['https://example.com/a'] }, {}, 'Answer [1].')
 * // [{ type: 'url', url: 'https://example.com/a' }]
 * ```
 */
export function readOpenAICompatibleCitations(
  reply: OpenAICompatibleCitationFields,
  message: { readonly annotations?: unknown },
  content: string | null,
): URLCitation[] {
  return [...readAnnotations(message.annotations, content), ...readSources(reply)]
}
