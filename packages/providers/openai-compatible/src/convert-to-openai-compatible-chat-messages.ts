import type { ContentPart, Message } from '@dspex/provider'

/** A content part of a Chat Completions user message. */
export type OpenAICompatibleChatContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image_url'; readonly image_url: { readonly url: string } }
  | { readonly type: 'input_audio'; readonly input_audio: { readonly data: string; readonly format: string } }
  | {
      readonly type: 'file'
      readonly file: { readonly file_data?: string; readonly file_id?: string; readonly filename?: string }
    }

/** A message in Chat Completions' wire format. */
export type OpenAICompatibleChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string | readonly OpenAICompatibleChatContentPart[] }
  | {
      readonly role: 'assistant'
      readonly content: string | null
      readonly tool_calls?: readonly {
        readonly id: string
        readonly type: 'function'
        readonly function: { readonly name: string; readonly arguments: string }
      }[]
    }
  | { readonly role: 'tool'; readonly tool_call_id: string; readonly content: string }

const toDataUri = (data: string, mediaType: string): string => (data.startsWith('data:') ? data : `data:${mediaType};base64,${data}`)

function convertContentPart(part: ContentPart): OpenAICompatibleChatContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text }
    case 'image':
      return { type: 'image_url', image_url: { url: part.url } }
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format } }
    case 'file':
      return {
        type: 'file',
        file: {
          ...(part.data === undefined ? {} : { file_data: toDataUri(part.data, part.mediaType ?? 'application/pdf') }),
          ...(part.fileId === undefined ? {} : { file_id: part.fileId }),
          ...(part.filename === undefined ? {} : { filename: part.filename }),
        },
      }
    case 'document':
      // Chat Completions has no citable documents: the document goes in as a file.
      return {
        type: 'file',
        file: {
          file_data: toDataUri(part.data, part.mediaType),
          ...(part.title === undefined ? {} : { filename: part.title }),
        },
      }
  }
}

/**
 * Converts provider-neutral messages to Chat Completions messages: system and user text stay strings,
 * multimodal user parts become `image_url`, `input_audio` and `file` parts, assistant tool calls carry their
 * arguments as a JSON string, and tool results become `tool` messages.
 */
export function convertToOpenAICompatibleChatMessages(messages: readonly Message[]): OpenAICompatibleChatMessage[] {
  return messages.map(convertMessage)
}

function convertMessage(message: Message): OpenAICompatibleChatMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content }
    case 'user':
      return {
        role: 'user',
        content: typeof message.content === 'string' ? message.content : message.content.map(convertContentPart),
      }
    case 'assistant':
      return {
        role: 'assistant',
        content: message.content,
        ...(message.toolCalls !== undefined && message.toolCalls.length > 0
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: 'function' as const,
                function: { name: call.name, arguments: JSON.stringify(call.args) },
              })),
            }
          : {}),
      }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content }
  }
}
