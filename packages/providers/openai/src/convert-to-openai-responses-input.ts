import type { ContentPart, Message } from '@dspex/provider'
import { convertOpenAIResponsesReasoningPart, type OpenAIResponsesReasoningInputItem } from './convert-openai-responses-reasoning.js'

/** A content part of a Responses API user message. */
export type OpenAIResponsesInputContent =
  | { readonly type: 'input_text'; readonly text: string }
  | { readonly type: 'input_image'; readonly image_url: string; readonly detail: 'auto' }
  | { readonly type: 'input_file'; readonly file_data?: string; readonly file_id?: string; readonly filename?: string }

/** One item of a Responses API `input`. */
export type OpenAIResponsesInputItem =
  | { readonly role: 'developer'; readonly content: string }
  | { readonly role: 'user'; readonly content: string | readonly OpenAIResponsesInputContent[] }
  | { readonly role: 'assistant'; readonly content: readonly { readonly type: 'output_text'; readonly text: string }[] }
  | { readonly type: 'function_call'; readonly call_id: string; readonly name: string; readonly arguments: string }
  | { readonly type: 'function_call_output'; readonly call_id: string; readonly output: string }
  | OpenAIResponsesReasoningInputItem

/** The `instructions` and `input` of a Responses API request, and the warnings about parts that were dropped. */
export interface OpenAIResponsesInput {
  /** The leading system messages, joined by a blank line; `undefined` when the conversation starts otherwise. */
  readonly instructions?: string
  /** Every other message, as input items. */
  readonly input: readonly OpenAIResponsesInputItem[]
  /** One sentence per dropped part. */
  readonly warnings: readonly string[]
}

const toDataUri = (data: string, mediaType: string): string => (data.startsWith('data:') ? data : `data:${mediaType};base64,${data}`)

function convertContentPart(part: ContentPart, warnings: string[]): OpenAIResponsesInputContent | undefined {
  switch (part.type) {
    case 'text':
      return { type: 'input_text', text: part.text }
    case 'image':
      return { type: 'input_image', image_url: part.url, detail: 'auto' }
    case 'audio':
      warnings.push('An audio part was dropped: the Responses API takes no audio input; use the chat model.')
      return undefined
    case 'file':
      return {
        type: 'input_file',
        ...(part.data === undefined
          ? {}
          : { file_data: toDataUri(part.data, part.mediaType ?? 'application/pdf'), filename: part.filename ?? 'file.pdf' }),
        ...(part.fileId === undefined ? {} : { file_id: part.fileId }),
        ...(part.data === undefined && part.filename !== undefined ? { filename: part.filename } : {}),
      }
    case 'document':
      return { type: 'input_file', file_data: toDataUri(part.data, part.mediaType), filename: part.title ?? 'document.pdf' }
  }
}

/**
 * Converts provider-neutral messages to the Responses API's `instructions` and `input`: leading system messages
 * become `instructions`, later ones `developer` messages; user parts become `input_text`, `input_image` and
 * `input_file`; an assistant message's OpenAI reasoning parts become `reasoning` items (with their
 * `encrypted_content`), in order, before its `output_text` and its tool calls' `function_call` items; reasoning from
 * other providers is left out with a warning; tool results become `function_call_output` items.
 */
export function convertToOpenAIResponsesInput(messages: readonly Message[]): OpenAIResponsesInput {
  const warnings: string[] = []
  const instructions: string[] = []
  const input: OpenAIResponsesInputItem[] = []
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        if (input.length === 0) instructions.push(message.content)
        else input.push({ role: 'developer', content: message.content })
        break
      case 'user':
        input.push({
          role: 'user',
          content:
            typeof message.content === 'string' ? message.content : message.content.flatMap((part) => convertContentPart(part, warnings) ?? []),
        })
        break
      case 'assistant':
        for (const part of message.reasoning ?? []) {
          const item = convertOpenAIResponsesReasoningPart(part, warnings)
          if (item) input.push(item)
        }
        if (message.content !== null && message.content !== '') {
          input.push({ role: 'assistant', content: [{ type: 'output_text', text: message.content }] })
        }
        for (const call of message.toolCalls ?? []) {
          input.push({ type: 'function_call', call_id: call.id, name: call.name, arguments: JSON.stringify(call.args) })
        }
        break
      case 'tool':
        input.push({ type: 'function_call_output', call_id: message.toolCallId, output: message.content })
        break
    }
  }
  return { ...(instructions.length === 0 ? {} : { instructions: instructions.join('\n\n') }), input, warnings }
}
