import type { URLCitation } from '@dspex/provider'
import type { OpenAIResponsesWireOutputItem } from './openai-responses-wire-schemas.js'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Converts one Responses `url_citation` annotation (web search) to a citation; `offset` is where its `output_text`
 * part starts in the choice's text, and `text` that part's text. Undefined for other annotation types (file
 * citations, container files) and for one without a URL.
 */
export function convertOpenAIResponsesAnnotation(annotation: unknown, text: string, offset: number): URLCitation | undefined {
  if (!isRecord(annotation) || annotation.type !== 'url_citation' || typeof annotation.url !== 'string') return undefined
  const title = typeof annotation.title === 'string' && annotation.title !== '' ? annotation.title : undefined
  const { start_index: start, end_index: end } = annotation
  const range = typeof start === 'number' && typeof end === 'number' && start <= end ? { start, end } : undefined
  const supportedText = range === undefined ? '' : text.slice(range.start, range.end)
  return {
    type: 'url',
    url: annotation.url,
    ...(title === undefined ? {} : { title }),
    ...(supportedText === '' ? {} : { supportedText }),
    ...(range === undefined ? {} : { textRange: { start: range.start + offset, end: range.end + offset } }),
  }
}

/**
 * The `url_citation` annotations of a response's output messages, in order, each with the text it supports and its
 * range in the choice's text (every `output_text` part joined, as `generate` gives it).
 *
 * @example
 * ```ts
 * readOpenAIResponsesCitations(response.output) // [{ type: 'url', url: 'https://...', title: '...', supportedText: '...', textRange: { start: 0, end: 42 } }]
 * ```
 */
export function readOpenAIResponsesCitations(output: readonly OpenAIResponsesWireOutputItem[]): URLCitation[] {
  const citations: URLCitation[] = []
  let offset = 0
  for (const item of output) {
    if (item.type !== 'message') continue
    for (const part of item.content ?? []) {
      if (part.type !== 'output_text' || part.text === undefined) continue
      for (const annotation of part.annotations ?? []) {
        const citation = convertOpenAIResponsesAnnotation(annotation, part.text, offset)
        if (citation !== undefined) citations.push(citation)
      }
      offset += part.text.length
    }
  }
  return citations
}
