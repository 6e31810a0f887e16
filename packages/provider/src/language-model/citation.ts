/** Where a {@link DocumentCitation}'s quote is in its document: characters, pages or content blocks, end excluded. */
export interface CitationLocation {
  /** `char` for character offsets (Anthropic's `char_location`), `page` for PDF pages, `block` for content blocks. */
  readonly unit: 'char' | 'page' | 'block'
  readonly start: number
  readonly end: number
}

/** A quote from a document sent in the request (a `DocumentPart`, or a search result the caller gave). */
export interface DocumentCitation {
  readonly type: 'document'
  /** The document's place among the request's documents, from 0. */
  readonly documentIndex: number
  readonly documentTitle?: string
  /** The quoted text. */
  readonly citedText: string
  /** Where the quote is in the document, when the provider says. */
  readonly location?: CitationLocation
  /** The part of the answer the quote supports. */
  readonly supportedText?: string
}

/** A web page the model used (web search, grounding with Google Search, Perplexity's sources). */
export interface URLCitation {
  readonly type: 'url'
  readonly url: string
  readonly title?: string
  /** The text quoted from the page, when the provider gives it. */
  readonly citedText?: string
  /** The part of the answer the page supports. */
  readonly supportedText?: string
  /** Where `supportedText` is in the choice's text, as character offsets (end excluded). */
  readonly textRange?: { readonly start: number; readonly end: number }
}

/**
 * A source the model cited for its answer, provider-neutral: Anthropic's citations on text blocks (documents, web
 * search), Gemini's grounding metadata, OpenAI's `url_citation` annotations, Perplexity's `citations` and
 * `search_results`. `@dspex/formats` fills DSPy's `Citations` output type from the document quotes.
 */
export type Citation = DocumentCitation | URLCitation
