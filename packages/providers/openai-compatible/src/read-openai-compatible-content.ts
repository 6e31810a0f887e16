import type { OpenAICompatibleWireContent, OpenAICompatibleWireContentPart } from './openai-compatible-wire-schemas.js'

/** A message's (or delta's) `content` split into its answer text and the reasoning of typed `thinking` parts. */
export interface OpenAICompatibleContent {
  /** The text, `null` when the message had no content. */
  readonly text: string | null
  /** The `thinking` parts' text joined, when there was any. */
  readonly reasoning?: string
}

/** The text of a `thinking` part: its `thinking` string, or the `text` of its typed chunks. */
function readThinking(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking
  if (!Array.isArray(thinking)) return ''
  let text = ''
  for (const chunk of thinking) {
    if (typeof chunk === 'object' && chunk !== null && 'text' in chunk && typeof chunk.text === 'string') text += chunk.text
  }
  return text
}

/**
 * Reads a Chat Completions `content`: a string as it is, or typed parts as Mistral's reasoning models send them
 * (`[{ type: 'thinking', thinking: [{ type: 'text', text }] }, { type: 'text', text }]`): `text` parts give the
 * text, `thinking` parts the reasoning, and other part types (references, images) are skipped.
 *
 * @example
 * ```ts
 * readOpenAICompatibleContent([{ type: 'thinking', thinking: [{ type: 'text', text: 'Hmm.' }] }, { type: 'text', text: '4' }])
 * // { text: '4', reasoning: 'Hmm.' }
 * ```
 */
export function readOpenAICompatibleContent(content: OpenAICompatibleWireContent | null | undefined): OpenAICompatibleContent {
  if (content === null || content === undefined) return { text: null }
  if (typeof content === 'string') return { text: content }
  let text = ''
  let reasoning = ''
  for (const part of content) {
    const read = readOpenAICompatibleContentPart(part)
    text += read.text ?? ''
    reasoning += read.reasoning ?? ''
  }
  return { text, ...(reasoning === '' ? {} : { reasoning }) }
}

/** One typed `content` part's text (a `text` part) or reasoning (a `thinking` part); nothing for other types. */
export function readOpenAICompatibleContentPart(part: OpenAICompatibleWireContentPart): OpenAICompatibleContent {
  if (part.type === 'text' && typeof part.text === 'string') return { text: part.text }
  if (part.type === 'thinking') return { text: null, reasoning: readThinking(part.thinking) }
  return { text: null }
}
