import { type TArray, type TBoolean, type TNull, type TObject, type TOptional, type TString, type TUnion, type TUnknown, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonValueRepr } from '../python-value-repr.js'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'
import { type ToolCall, ToolCalls } from './tool-calls.js'

/** The outcome of one tool call: which call, which tool, what it returned, and whether that was an error. */
export interface ToolCallResultFields {
  readonly call_id?: string | null
  readonly name: string
  readonly value: unknown
  readonly is_error?: boolean
}

/** The fields of a `dspy.ToolCallResults`. */
export interface ToolCallResultsFields {
  readonly tool_call_results: readonly ToolCallResultFields[]
}

type ToolCallResultSchema = TObject<{
  call_id: TOptional<TUnion<[TString, TNull]>>
  name: TString
  value: TUnknown
  is_error: TOptional<TBoolean>
}>

/** The TypeBox schema of a ToolCallResults value: `{ tool_call_results: [{ call_id?, name, value, is_error? }] }`. */
export type ToolCallResultsValueSchema = TObject<{ tool_call_results: TArray<ToolCallResultSchema> }>

/** A fresh TypeBox schema of a ToolCallResults value (untagged; see `specialTypeSchema`). */
export function toolCallResultsValueSchema(): ToolCallResultsValueSchema {
  const result: ToolCallResultSchema = Type.Object({
    call_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    name: Type.String(),
    value: Type.Unknown(),
    is_error: Type.Optional(Type.Boolean({ default: false })),
  })
  return Type.Object({ tool_call_results: Type.Array(result) })
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'ToolCallResults' })
}

/** One tool call's outcome (DSPy's `ToolCallResults.ToolCallResult`). */
export class ToolCallResult implements ToolCallResultFields {
  /** The id of the call this answers, or null. */
  readonly call_id: string | null
  /** The tool's name. */
  readonly name: string
  /** What the tool returned (or the error text). */
  readonly value: unknown
  /** Whether `value` is an error. */
  readonly is_error: boolean

  /** @throws {SpecialTypeError} when `name` is not a string, `call_id` is not a string or null, or `is_error` is not a boolean. */
  constructor(fields: ToolCallResultFields) {
    if (!isPlainRecord(fields)) throw invalid(`A tool call result must be an object, received ${receivedTypeName(fields)}.`)
    const { call_id: callId = null, name, value, is_error: isError = false } = fields
    if (typeof name !== 'string') throw invalid(`Tool call result \`name\` must be a string, received ${receivedTypeName(name)}.`)
    if (!('value' in fields)) throw invalid(`Tool call result ${name} needs a \`value\`.`)
    if (callId !== null && typeof callId !== 'string') {
      throw invalid(`Tool call result ${name} \`call_id\` must be a string or null, received ${receivedTypeName(callId)}.`)
    }
    if (typeof isError !== 'boolean') throw invalid(`Tool call result ${name} \`is_error\` must be a boolean, received ${receivedTypeName(isError)}.`)
    this.call_id = callId
    this.name = name
    this.value = value
    this.is_error = isError
    Object.freeze(this)
  }

  /** DSPy's serialised form: `{ call_id, name, value, is_error }`. */
  toJSON(): { call_id: string | null; name: string; value: unknown; is_error: boolean } {
    return { call_id: this.call_id, name: this.name, value: this.value, is_error: this.is_error }
  }

  /** Python's `repr()`: `ToolCallResult(call_id='c1', name='search', value='...', is_error=False)`. */
  repr(): string {
    return `ToolCallResult(call_id=${pythonValueRepr(this.call_id)}, name=${pythonValueRepr(this.name)}, value=${pythonValueRepr(this.value)}, is_error=${pythonValueRepr(this.is_error)})`
  }
}

function toResult(value: unknown): ToolCallResult {
  return value instanceof ToolCallResult ? value : new ToolCallResult(value as ToolCallResultFields)
}

/**
 * The results of running tool calls (`dspy.ToolCallResults`), replayed to the LM in a history
 * after the calls that produced them.
 *
 * @example
 * ```ts
 * const results = ToolCallResults.fromToolCallsAndValues(calls, ['result x'])
 * results.toJSON() // { tool_call_results: [{ call_id: 'call_1', name: 'search', value: 'result x', is_error: false }] }
 * ```
 * @see DSPy `dspy.ToolCallResults` (`dspy/adapters/types/tool.py`)
 */
export class ToolCallResults implements ToolCallResultsFields {
  /** The results, in call order. */
  readonly tool_call_results: readonly ToolCallResult[]

  /** @throws {SpecialTypeError} when a result is invalid. */
  constructor(fields: ToolCallResultsFields) {
    if (typeof fields !== 'object' || fields === null || !Array.isArray(fields.tool_call_results)) {
      throw invalid(`ToolCallResults expects { tool_call_results: [...] }, received ${receivedValueText(fields)}`)
    }
    this.tool_call_results = Object.freeze(fields.tool_call_results.map(toResult))
    Object.freeze(this)
  }

  /**
   * Validates any value into ToolCallResults: the object itself, a list of results, or one result (`{ name, value }`).
   *
   * @throws {SpecialTypeError} `Received invalid value for \`dspy.ToolCallResults\`` when the shape is not recognised.
   */
  static from(value: unknown): ToolCallResults {
    if (value instanceof ToolCallResults) return value
    if (Array.isArray(value)) return new ToolCallResults({ tool_call_results: value as ToolCallResultFields[] })
    if (isPlainRecord(value)) {
      if ('tool_call_results' in value) return new ToolCallResults(value as unknown as ToolCallResultsFields)
      if ('name' in value && 'value' in value) return new ToolCallResults({ tool_call_results: [value as unknown as ToolCallResultFields] })
    }
    throw invalid(`Received invalid value for \`dspy.ToolCallResults\`: ${receivedValueText(value)}`)
  }

  /**
   * Pairs each call with its value (and whether it is an error), keeping the call's id and name.
   *
   * @throws {SpecialTypeError} when the lists differ in length.
   */
  static fromToolCallsAndValues(
    toolCalls: ToolCalls | readonly ToolCall[],
    values: readonly unknown[],
    isErrors?: readonly boolean[],
  ): ToolCallResults {
    const calls = toolCalls instanceof ToolCalls ? toolCalls.tool_calls : toolCalls
    if (calls.length !== values.length) throw invalid('`tool_calls` and `values` must have the same length.')
    if (isErrors !== undefined && isErrors.length !== calls.length) {
      throw invalid('`is_errors` must have the same length as `tool_calls` when provided.')
    }
    return new ToolCallResults({
      tool_call_results: calls.map((call, index) => ({
        call_id: call.id,
        name: call.name,
        value: values[index],
        is_error: isErrors?.[index] ?? false,
      })),
    })
  }

  /** The text DSPy adds to a field's description for this type: none. */
  static description(): string {
    return ''
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): `{ tool_call_results: [...] }`. */
  toJSON(): { tool_call_results: readonly ToolCallResult[] } {
    return { tool_call_results: this.tool_call_results }
  }

  /** Python's `str()` of the model: `tool_call_results=[ToolCallResult(...)]`. */
  toString(): string {
    return `tool_call_results=${pythonValueRepr(this.tool_call_results)}`
  }

  /** Python's `repr()`: `ToolCallResults(tool_call_results=[ToolCallResult(...)])`. */
  repr(): string {
    return `ToolCallResults(tool_call_results=${pythonValueRepr(this.tool_call_results)})`
  }
}
