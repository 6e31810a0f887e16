/**
 * Reads a message's (or delta's) reasoning from the field the server uses: `field` when a quirk names it,
 * otherwise `reasoning_content` (DeepSeek, xAI) and then `reasoning` (Groq, OpenRouter, newer vLLM).
 * Returns `undefined` for a missing, empty or non-string value.
 */
export function readOpenAICompatibleReasoning(
  message: { readonly reasoning_content?: string | null; readonly reasoning?: unknown } | null | undefined,
  field?: 'reasoning_content' | 'reasoning',
): string | undefined {
  if (message === null || message === undefined) return undefined
  const candidates = field === undefined ? [message.reasoning_content, message.reasoning] : [message[field]]
  for (const value of candidates) if (typeof value === 'string' && value !== '') return value
  return undefined
}
