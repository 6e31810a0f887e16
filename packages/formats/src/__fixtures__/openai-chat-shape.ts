import type { ContentPart, Message } from '@dspex/provider'

/** A message in the OpenAI chat shape DSPy's recorded transcripts use, to compare with them. */
export function openaiChatShape(message: Message): Record<string, unknown> {
  if (message.role === 'user' && typeof message.content !== 'string') return { role: 'user', content: message.content.map(openaiBlock) }
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, name: message.name, content: message.content }
  if (message.role === 'assistant' && message.toolCalls !== undefined) {
    return {
      role: 'assistant',
      content: message.content,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: pythonCompactJSON(call.args) },
      })),
    }
  }
  return { role: message.role, content: message.content }
}

function openaiBlock(part: ContentPart): Record<string, unknown> {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text }
    case 'image':
      return { type: 'image_url', image_url: { url: part.url } }
    default:
      return { ...part }
  }
}

/** `json.dumps(value)` for the flat argument objects of the fixtures. */
function pythonCompactJSON(value: unknown): string {
  return JSON.stringify(value).replaceAll('":', '": ').replaceAll(',"', ', "')
}
