import type { AssistantMessage, Message, ToolCallPart } from '@dspex/provider'
import { InputField, Signature } from '@dspex/signatures'
import { History, ToolCallResults, ToolCalls, t } from '@dspex/types'
import { pythonJSONDumps, serializeForJSON, specialTypeSchema } from '@dspex/types/internal'
import type { FieldValues } from './adapter-model.js'
import { withoutFields } from './signature-cache.js'

/** The hooks of an adapter that history turns are written with. */
export interface HistoryTurnFormatter {
  readonly useNativeFunctionCalling: boolean
  formatUserMessageContent(signature: Signature<object, object>, inputs: FieldValues): string
  formatAssistantMessageContent(signature: Signature<object, object>, outputs: FieldValues): string
}

/** DSPy's one-field signature for replaying tool results as a user turn. */
const toolCallResultsSignature = Signature.create({
  fields: { tool_call_results: InputField(specialTypeSchema('ToolCallResults')) },
})

const anySchema = t.any()

/**
 * The earlier turns of a `History` input as messages, for a signature without the history field:
 * per turn a user message with the inputs it has (skipped when empty) and an assistant message with
 * every output (`None` for those it lacks). Tool calls with results are replayed after the
 * assistant turn: as a `tool_call_results` user turn, or, under native function calling, as the
 * assistant's tool calls followed by one tool message per result (when every call has an id that
 * the results match, in order).
 *
 * @see dspy.Adapter.format_conversation_history
 */
export function formatHistoryTurns(formatter: HistoryTurnFormatter, signature: Signature<object, object>, historyValue: unknown): Message[] {
  if (historyValue === undefined) return []
  const messages: Message[] = []
  for (const turn of History.from(historyValue).messages) {
    const { fieldName, toolCalls } = toolCallsIn(turn)
    let results = toolCalls?.tool_call_results == null ? undefined : ToolCallResults.from(toolCalls.tool_call_results)
    const userContent = formatter.formatUserMessageContent(signature, turn)
    if (userContent) messages.push({ role: 'user', content: userContent })

    if (formatter.useNativeFunctionCalling && toolCalls !== undefined) {
      const dropped = signature.outputFields
        .filter((field) => (field.type.kind === 'special' && field.type.name === 'ToolCalls') || turn[field.name] == null)
        .map((field) => field.name)
      const contentSignature = withoutFields(signature, dropped)
      const content = contentSignature.outputFields.length > 0 ? formatter.formatAssistantMessageContent(contentSignature, turn) : ''
      if (results !== undefined) {
        const callIds = toolCalls.tool_calls.map((call) => call.id)
        const resultIds = results.tool_call_results.map((result) => result.call_id)
        const matching = callIds.length === resultIds.length && callIds.every((id, index) => id === resultIds[index])
        if (!matching || !callIds.every(Boolean)) results = undefined
      }
      if (content || results !== undefined) {
        const assistant: AssistantMessage =
          results === undefined
            ? { role: 'assistant', content: content || null }
            : { role: 'assistant', content: content || null, toolCalls: toolCalls.tool_calls.map(toolCallPart) }
        messages.push(assistant)
      }
      for (const result of results?.tool_call_results ?? []) {
        messages.push({
          role: 'tool',
          toolCallId: result.call_id ?? '',
          name: result.name,
          content: toolResultContent(result.value),
          ...(result.is_error ? { isError: true } : {}),
        })
      }
      continue
    }

    let assistantValues = turn
    if (fieldName !== undefined && toolCalls !== undefined && results !== undefined) {
      assistantValues = { ...turn, [fieldName]: new ToolCalls({ tool_calls: toolCalls.tool_calls, tool_call_results: null }) }
    }
    const assistantContent = formatter.formatAssistantMessageContent(signature, assistantValues)
    if (assistantContent) messages.push({ role: 'assistant', content: assistantContent })
    if (results !== undefined) {
      messages.push({
        role: 'user',
        content: formatter.formatUserMessageContent(toolCallResultsSignature, { tool_call_results: results }),
      })
    }
  }
  return messages
}

/** The first value of a turn that is tool calls (a `ToolCalls`, or an object with `tool_calls`). */
function toolCallsIn(turn: FieldValues): { fieldName?: string; toolCalls?: ToolCalls } {
  for (const [fieldName, value] of Object.entries(turn)) {
    const isCalls = value instanceof ToolCalls || (typeof value === 'object' && value !== null && !Array.isArray(value) && 'tool_calls' in value)
    if (isCalls) return { fieldName, toolCalls: ToolCalls.from(value) }
  }
  return {}
}

function toolCallPart(call: ToolCalls['tool_calls'][number]): ToolCallPart {
  return { id: call.id ?? '', name: call.name, args: call.args }
}

/** A tool's result as the text of a tool message: strings as they are, anything else as JSON. */
function toolResultContent(value: unknown): string {
  if (typeof value === 'string') return value
  const { value: jsonable, floatPaths } = serializeForJSON(value, anySchema)
  return pythonJSONDumps(jsonable, { floatPaths })
}
