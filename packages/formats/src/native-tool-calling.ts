import type { ToolCallPart, ToolDefinition } from '@dspex/provider'
import type { Signature } from '@dspex/signatures'
import { Tool, ToolCalls } from '@dspex/types'
import { AdapterConfigurationError } from './errors/adapter-configuration-error.js'

/** The first input field typed `Tool` or `list[Tool]`, if any. @see dspy.Adapter._get_tool_call_input_field_name */
export function toolInputFieldName(signature: Signature<object, object>): string | undefined {
  return signature.inputFields.find((field) => {
    const node = field.type.kind === 'list' ? field.type.items : field.type
    return node.kind === 'special' && node.name === 'Tool'
  })?.name
}

/** The first output field typed `ToolCalls`, if any. @see dspy.Adapter._get_tool_call_output_field_name */
export function toolCallsOutputFieldName(signature: Signature<object, object>): string | undefined {
  return signature.outputFields.find((field) => field.type.kind === 'special' && field.type.name === 'ToolCalls')?.name
}

/**
 * The function definitions of the tools given for a tool input field (one Tool or a list of them).
 *
 * @throws {AdapterConfigurationError} when the value is missing or holds something that is not a Tool.
 * @see dspy.Tool.format_as_litellm_function_call
 */
export function toolDefinitions(value: unknown, fieldName: string): ToolDefinition[] {
  if (value === undefined || value === null) {
    throw new AdapterConfigurationError({ message: `The tool input field \`${fieldName}\` has no value: pass the tools as an input.` })
  }
  const tools = Array.isArray(value) ? value : [value]
  return tools.map((tool: unknown) => {
    if (!(tool instanceof Tool)) {
      throw new AdapterConfigurationError({ message: `The tool input field \`${fieldName}\` holds a value that is not a Tool.` })
    }
    const { function: definition } = tool.formatAsLitellmFunctionCall()
    return { name: definition.name, description: definition.description, parameters: definition.parameters }
  })
}

/** The fields of a signature a model may fill natively, found once per signature. */
export interface NativeFields {
  /** The first `Tool`/`list[Tool]` input. */
  readonly toolInput: string | undefined
  /** The first `ToolCalls` output. */
  readonly toolCallsOutput: string | undefined
  /** The outputs typed `Reasoning`. */
  readonly reasoningOutputs: readonly string[]
  /** The outputs typed `Citations`. */
  readonly citationsOutputs: readonly string[]
}

const nativeFieldsKey = Symbol('dspex.formats.native-fields')

/** {@link NativeFields} of a signature, cached on it. */
export function nativeFieldsOf(signature: Signature<object, object>): NativeFields {
  return signature.cached(nativeFieldsKey, (source) => ({
    toolInput: toolInputFieldName(source),
    toolCallsOutput: toolCallsOutputFieldName(source),
    reasoningOutputs: source.outputFields
      .filter((field) => field.type.kind === 'special' && field.type.name === 'Reasoning')
      .map((field) => field.name),
    citationsOutputs: source.outputFields
      .filter((field) => field.type.kind === 'special' && field.type.name === 'Citations')
      .map((field) => field.name),
  }))
}

/** The tool calls a model returned natively, as DSPy's `ToolCalls` (call ids kept). */
export function toolCallsFromParts(parts: readonly ToolCallPart[]): ToolCalls {
  return ToolCalls.fromDictList(parts.map((part) => ({ id: part.id, name: part.name, args: part.args })))
}
