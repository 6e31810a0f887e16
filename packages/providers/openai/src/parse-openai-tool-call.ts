import { InvalidResponseDataError, type ToolCallPart } from '@dspex/provider'

/** Where a tool call came from, for the error bad arguments raise. */
export interface ParseOpenAIToolCallContext {
  readonly url?: string
  readonly secrets?: readonly (string | undefined)[]
}

/**
 * Turns a tool call's `arguments` JSON string into a {@link ToolCallPart}. An empty string means no arguments.
 *
 * @throws InvalidResponseDataError when the arguments are not a JSON object; the error keeps the raw text.
 */
export function parseOpenAIToolCall(
  call: { readonly id: string; readonly name: string; readonly arguments: string },
  context: ParseOpenAIToolCallContext = {},
): ToolCallPart {
  const text = call.arguments
  let args: unknown
  try {
    args = text.trim() === '' ? {} : JSON.parse(text)
  } catch (cause) {
    throw new InvalidResponseDataError({
      ...context,
      provider: 'openai',
      message: `openai returned invalid JSON arguments for tool call ${call.id} (${call.name}).`,
      text,
      cause,
    })
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new InvalidResponseDataError({
      ...context,
      provider: 'openai',
      message: `openai returned tool call ${call.id} (${call.name}) whose arguments are not a JSON object.`,
      text,
    })
  }
  return { id: call.id, name: call.name, args: args as Record<string, unknown> }
}
