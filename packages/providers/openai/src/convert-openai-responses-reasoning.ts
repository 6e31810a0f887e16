import type { ReasoningPart } from '@dspex/provider'
import type { OpenAIResponsesWireOutputItem } from './openai-responses-wire-schemas.js'

/**
 * A `reasoning` input item of the Responses API: the reasoning item of an earlier turn, sent back so a reasoning
 * model keeps its chain of thought across tool calls. With `store: false` OpenAI keeps nothing, so
 * `encrypted_content` carries the reasoning itself.
 */
export interface OpenAIResponsesReasoningInputItem {
  readonly type: 'reasoning'
  readonly id?: string
  readonly summary: readonly { readonly type: 'summary_text'; readonly text: string }[]
  readonly encrypted_content?: string
}

/** The `include` value that asks the Responses API for the encrypted content of each reasoning item. */
export const openaiEncryptedReasoningInclude = 'reasoning.encrypted_content'

/**
 * Turns a `reasoning` output item into a {@link ReasoningPart} with `provider: 'openai'`: `text` is its summary
 * texts joined by a blank line (empty when no summary was asked for), `redactedData` its `encrypted_content`, and
 * `signature` the item's `id` (for OpenAI the signature field holds the reasoning item id, `rs_...`).
 */
export function convertOpenAIResponsesReasoningItem(item: OpenAIResponsesWireOutputItem): ReasoningPart {
  return {
    type: 'reasoning',
    text: (item.summary ?? []).map((part) => part.text).join('\n\n'),
    ...(item.id === undefined ? {} : { signature: item.id }),
    ...(typeof item.encrypted_content === 'string' ? { redactedData: item.encrypted_content } : {}),
    provider: 'openai',
  }
}

/**
 * Turns a reasoning part of an assistant message back into a `reasoning` input item: `id` from `signature`,
 * `encrypted_content` from `redactedData`, and the text (when not empty) as one `summary_text`. OpenAI takes back
 * only its own reasoning: parts from another provider, and parts with neither an id nor encrypted content, are
 * left out with a warning. A part with no provider is taken as OpenAI's when it carries `redactedData`.
 */
export function convertOpenAIResponsesReasoningPart(part: ReasoningPart, warnings: string[]): OpenAIResponsesReasoningInputItem | undefined {
  if (part.provider !== undefined && part.provider !== 'openai') {
    warnings.push(`Reasoning from ${part.provider} was left out: OpenAI only takes back its own reasoning items.`)
    return undefined
  }
  if (part.provider === undefined && part.redactedData === undefined) {
    warnings.push('Reasoning without a provider or encrypted content was left out: OpenAI only takes back its own reasoning items.')
    return undefined
  }
  if (part.signature === undefined && part.redactedData === undefined) {
    warnings.push('OpenAI reasoning without an item id or encrypted content was left out: there is nothing to send back.')
    return undefined
  }
  return {
    type: 'reasoning',
    ...(part.signature === undefined ? {} : { id: part.signature }),
    summary: part.text === '' ? [] : [{ type: 'summary_text', text: part.text }],
    ...(part.redactedData === undefined ? {} : { encrypted_content: part.redactedData }),
  }
}
