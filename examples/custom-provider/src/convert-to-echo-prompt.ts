import type { Message } from '@dspex/provider'

/**
 * Flattens chat messages into the single text prompt Echo Cloud takes: one `role: text` block per
 * message, separated by blank lines. Only text parts are kept (Echo Cloud reads no images or audio).
 */
export function convertToEchoPrompt(messages: readonly Message[]): string {
  return messages
    .map((message) => {
      const content = message.content ?? ''
      const text = typeof content === 'string' ? content : content.map((part) => (part.type === 'text' ? part.text : '')).join('')
      return `${message.role}: ${text}`
    })
    .join('\n\n')
}
