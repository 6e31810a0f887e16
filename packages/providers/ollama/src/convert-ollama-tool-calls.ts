import type { ToolCallPart } from '@dspex/provider'
import type { OllamaWireToolCall } from './ollama-wire-schemas.js'

/**
 * Converts Ollama's tool calls to tool-call parts. Ollama's arguments are already objects; older servers send
 * no ids, so the missing ones are made up from the call's position (`call_0`, `call_1`...).
 */
export function convertOllamaToolCalls(calls: readonly OllamaWireToolCall[], firstIndex = 0): ToolCallPart[] {
  return calls.map((call, position) => ({
    id: call.id ?? `call_${firstIndex + position}`,
    name: call.function.name,
    args: call.function.arguments,
  }))
}
