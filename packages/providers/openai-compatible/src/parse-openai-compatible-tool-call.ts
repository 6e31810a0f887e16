import { InvalidResponseDataError, type ToolCallPart } from '@dspex/provider'

/** Where a tool call came from, for the error bad arguments raise. */
export interface ParseOpenAICompatibleToolCallContext {
  /** The provider's name, for the message; default `openai-compatible`. */
  readonly provider?: string | undefined
  /** The URL that was called, when known. */
  readonly url?: string | undefined
  /** Values to redact from the error. */
  readonly secrets?: readonly (string | undefined)[] | undefined
}

/**
 * Turns a tool call's `arguments` JSON string into a {@link ToolCallPart}. An empty string means no arguments.
 *
 * @throws InvalidResponseDataError when the arguments are not a JSON object; the error keeps the raw text.
 */
export function parseOpenAICompatibleToolCall(
  call: { readonly id: string; readonly name: string; readonly arguments: string },
  context: ParseOpenAICompatibleToolCallContext = {},
): ToolCallPart {
  const provider = context.provider ?? 'openai-compatible'
  const fields = { ...context, provider }
  const text = call.arguments
  let args: unknown
  try {
    args = text.trim() === '' ? {} : JSON.parse(text)
  } catch (cause) {
    throw new InvalidResponseDataError({
      ...fields,
      message: `${provider} returned invalid JSON arguments for tool call ${call.id} (${call.name}).`,
      text,
      cause,
    })
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    throw new InvalidResponseDataError({
      ...fields,
      message: `${provider} returned tool call ${call.id} (${call.name}) whose arguments are not a JSON object.`,
      text,
    })
  }
  return { id: call.id, name: call.name, args: args as Record<string, unknown> }
}
