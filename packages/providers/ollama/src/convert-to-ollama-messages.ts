import type { Message } from '@dspex/provider'

/** A tool call in an Ollama message: arguments are an object, not a JSON string. */
export interface OllamaToolCall {
  readonly function: { readonly name: string; readonly arguments: Readonly<Record<string, unknown>> }
}

/** A message of Ollama's `/api/chat`. Images are base64 without the `data:` prefix. */
export interface OllamaChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool'
  readonly content: string
  readonly images?: readonly string[]
  readonly tool_calls?: readonly OllamaToolCall[]
  readonly tool_name?: string
  /** A thinking model's earlier reasoning, sent back with its turn. */
  readonly thinking?: string
}

/** The converted messages and what could not be sent. */
export interface ConvertedOllamaMessages {
  readonly messages: OllamaChatMessage[]
  readonly warnings: string[]
}

const dataUriPattern = /^data:[^;,]*(;[^,]*)?;base64,/i

/**
 * Converts provider-neutral messages to Ollama's: text parts are joined, data-URI images become `images`
 * (base64), tool results carry `tool_name` (found from the assistant call they answer). Image URLs that are
 * not data URIs, audio, files and documents cannot be sent to `/api/chat` and are dropped with a warning.
 */
export function convertToOllamaMessages(messages: readonly Message[]): ConvertedOllamaMessages {
  const warnings: string[] = []
  const toolNames = new Map<string, string>()
  const converted = messages.map((message): OllamaChatMessage => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content }
      case 'user': {
        if (typeof message.content === 'string') return { role: 'user', content: message.content }
        const texts: string[] = []
        const images: string[] = []
        for (const part of message.content) {
          if (part.type === 'text') texts.push(part.text)
          else if (part.type === 'image' && dataUriPattern.test(part.url)) images.push(part.url.replace(dataUriPattern, ''))
          else if (part.type === 'image') warnings.push('ollama only accepts inline (data URI) images; an image URL was dropped.')
          else warnings.push(`ollama's chat API does not accept ${part.type} parts; one was dropped.`)
        }
        return { role: 'user', content: texts.join('\n'), ...(images.length > 0 ? { images } : {}) }
      }
      case 'assistant': {
        const calls = message.toolCalls ?? []
        for (const call of calls) toolNames.set(call.id, call.name)
        // Ollama takes back its own reasoning as `thinking`; another provider's is left out.
        const thinking = (message.reasoning ?? [])
          .filter((part) => part.text !== '' && (part.provider === undefined || part.provider === 'ollama'))
          .map((part) => part.text)
          .join('\n')
        return {
          role: 'assistant',
          content: message.content ?? '',
          ...(thinking === '' ? {} : { thinking }),
          ...(calls.length > 0 ? { tool_calls: calls.map((call) => ({ function: { name: call.name, arguments: call.args } })) } : {}),
        }
      }
      default: {
        const name = message.name ?? toolNames.get(message.toolCallId)
        return { role: 'tool', content: message.content, ...(name === undefined ? {} : { tool_name: name }) }
      }
    }
  })
  return { messages: converted, warnings }
}
