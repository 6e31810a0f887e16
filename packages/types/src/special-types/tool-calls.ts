import { withCallbacks } from '@dspex/core'
import { type TArray, type TObject, type TOptional, type TRecord, type TString, type TUnknown, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { ValueParseError } from '../errors/value-parse-error.js'
import { loadRepairedJSON } from '../load-repaired-json.js'
import { pythonValueRepr } from '../python-value-repr.js'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'
import type { Tool } from './tool.js'

/** One tool call as DSPy writes it: a tool name and its arguments (the id is internal and never shown to the LM). */
export interface ToolCallFields {
  readonly name: string
  readonly args: Readonly<Record<string, unknown>>
  readonly id?: string | null
}

/** The fields of a `dspy.ToolCalls`. */
export interface ToolCallsFields {
  readonly tool_calls: readonly ToolCallFields[]
  readonly tool_call_results?: unknown
}

/** A function a tool call can run, whatever arguments it declares (it receives the call's `args`). */
export type ToolCallFunction = (args: never) => unknown

/** The functions {@link ToolCall.execute} may run: by name, or a list of tools (anything with a `name` and a `func`). */
export type ToolCallFunctions = Readonly<Record<string, ToolCallFunction>> | readonly Pick<Tool<never>, 'name' | 'func'>[]

type ToolCallSchema = TObject<{ name: TString; args: TRecord<'^.*$', TUnknown>; id: TOptional<TString> }>

/** The TypeBox schema of a ToolCalls value: `{ tool_calls: [{ name, args, id? }], tool_call_results? }`. */
export type ToolCallsValueSchema = TObject<{ tool_calls: TArray<ToolCallSchema>; tool_call_results: TOptional<TUnknown> }>

/** A fresh TypeBox schema of a ToolCalls value (untagged; see `specialTypeSchema`). */
export function toolCallsValueSchema(): ToolCallsValueSchema {
  const call: ToolCallSchema = Type.Object({
    name: Type.String(),
    args: Type.Record(Type.String(), Type.Unknown()) as TRecord<'^.*$', TUnknown>,
    id: Type.Optional(Type.String()),
  })
  return Type.Object({ tool_calls: Type.Array(call), tool_call_results: Type.Optional(Type.Unknown()) })
}

function invalid(message: string, cause?: unknown): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'ToolCalls', cause })
}

/** DSPy's test for an object that is one tool call: `name` with `args`/`arguments`, or an OpenAI `function`. */
function isToolCallRecord(value: unknown): value is Record<string, unknown> {
  return isPlainRecord(value) && (('name' in value && ('args' in value || 'arguments' in value)) || 'function' in value)
}

/** A call's arguments text read as json_repair reads it; text nested too deep to read is the call's own error. */
function repairedArguments(name: string, args: string): unknown {
  try {
    return loadRepairedJSON(args)
  } catch (error) {
    if (!ValueParseError.isInstance(error)) throw error
    throw invalid(`Tool call ${name} arguments cannot be read: ${error.message}`, error)
  }
}

/** Turns a DSPy-shaped (`{name, args}`) or OpenAI-shaped (`{id, function: {name, arguments}}`) call into DSPy's fields. */
function normalizeToolCall(value: Record<string, unknown>): ToolCallFields {
  let name: unknown
  let args: unknown
  if ('function' in value) {
    const fn = value.function ?? {}
    if (!isPlainRecord(fn)) throw invalid(`Received invalid function value for \`dspy.ToolCalls\`: ${receivedValueText(fn)}`)
    name = fn.name || value.name
    args = 'arguments' in fn ? fn.arguments : {}
  } else {
    name = value.name
    args = 'args' in value ? value.args : 'arguments' in value ? value.arguments : {}
  }
  if (typeof name !== 'string') throw invalid(`Tool call \`name\` must be a string, received ${receivedTypeName(name)}.`)
  // json_repair semantics for a string: broken JSON is repaired, text with no JSON value in it gives ''.
  const parsed = typeof args === 'string' ? repairedArguments(name, args) : isPlainRecord(args) ? args : {}
  if (!isPlainRecord(parsed)) {
    throw invalid(`Tool call ${name} arguments must be a JSON object, received ${receivedValueText(args)}.`)
  }
  const id = value.id || value.call_id || null
  if (id !== null && typeof id !== 'string') throw invalid(`Tool call ${name} \`id\` must be a string, received ${receivedTypeName(id)}.`)
  return { id, name, args: parsed }
}

/**
 * One call the LM asked for (DSPy's `ToolCalls.ToolCall`): a tool name, its arguments, and the
 * provider's call id when there is one.
 */
export class ToolCall implements ToolCallFields {
  /** The provider's id of the call, or null. */
  readonly id: string | null
  /** The tool's name. */
  readonly name: string
  /** The arguments, by name. */
  readonly args: Readonly<Record<string, unknown>>

  /** @throws {SpecialTypeError} when the call has no string name, its arguments are not an object or repairable JSON, or its id is not a string. */
  constructor(fields: ToolCallFields | Readonly<Record<string, unknown>>) {
    if (!isPlainRecord(fields)) throw invalid(`Received invalid tool call value for \`dspy.ToolCalls\`: ${receivedValueText(fields)}`)
    const normalized = normalizeToolCall(fields)
    this.id = normalized.id ?? null
    this.name = normalized.name
    this.args = normalized.args
    Object.freeze(this)
  }

  /** What DSPy shows the LM for the call: `{ name, args }`. */
  format(): { name: string; args: Readonly<Record<string, unknown>> } {
    return { name: this.name, args: this.args }
  }

  /** DSPy's serialised form: `{ name, args }`. */
  toJSON(): { name: string; args: Readonly<Record<string, unknown>> } {
    return this.format()
  }

  /** Python's `repr()`: `ToolCall(id=None, name='search', args={'q': 'x'})`. */
  repr(): string {
    return `ToolCall(id=${pythonValueRepr(this.id)}, name=${pythonValueRepr(this.name)}, args=${pythonValueRepr(this.args)})`
  }

  /**
   * Runs the call with the matching function (passing the arguments as one object) and returns its
   * result, reported to callbacks (`onToolStart`/`onToolEnd`, the tool, or the function, as instance).
   *
   * @throws {SpecialTypeError} when no function has the call's name, or the function throws (the error is the cause).
   */
  async execute(functions: ToolCallFunctions): Promise<unknown> {
    const tool = Array.isArray(functions)
      ? (functions as readonly Pick<Tool<never>, 'name' | 'func'>[]).find((candidate) => candidate.name === this.name)
      : undefined
    const func: unknown = tool === undefined ? (functions as Readonly<Record<string, ToolCallFunction>>)[this.name] : tool.func
    if (typeof func !== 'function') {
      throw invalid(`Tool function '${this.name}' not found. Please pass the tool functions to the \`execute\` method.`)
    }
    const args = { ...this.args }
    try {
      return await withCallbacks({ kind: 'tool', instance: tool ?? func, inputs: args }, () =>
        (func as (args: Record<string, unknown>) => unknown)(args),
      )
    } catch (cause) {
      throw invalid(`Error executing tool '${this.name}': ${cause instanceof Error ? cause.message : String(cause)}`, cause)
    }
  }
}

function toToolCall(value: unknown): ToolCall {
  return value instanceof ToolCall ? value : new ToolCall(value as Record<string, unknown>)
}

/**
 * The tool calls an LM asked for (`dspy.ToolCalls`), as an output field or as the native tool
 * calls DSPy reads from a response. Accepts DSPy's `{ tool_calls: [{ name, args }] }`, OpenAI's
 * `{ id, function: { name, arguments } }` (arguments as a JSON string, repaired if broken), a
 * single call, or a list of calls.
 *
 * @example
 * ```ts
 * const calls = ToolCalls.from([{ id: 'call_1', type: 'function', function: { name: 'search', arguments: '{"q": "cats"' } }])
 * calls.tool_calls[0]?.args // { q: 'cats' }
 * calls.toJSON() // { tool_calls: [{ name: 'search', args: { q: 'cats' } }] }
 * ```
 * @see DSPy `dspy.ToolCalls` (`dspy/adapters/types/tool.py`)
 */
export class ToolCalls implements ToolCallsFields {
  /** The calls, in order. */
  readonly tool_calls: readonly ToolCall[]
  /** The results of the calls once run (e.g. a `ToolCallResults`), or null. */
  readonly tool_call_results: unknown

  /** @throws {SpecialTypeError} when `tool_calls` is not an array or a call is invalid. */
  constructor(fields: ToolCallsFields) {
    if (typeof fields !== 'object' || fields === null || !Array.isArray(fields.tool_calls)) {
      throw invalid(`ToolCalls expects { tool_calls: [...] }, received ${receivedValueText(fields)}`)
    }
    this.tool_calls = Object.freeze(fields.tool_calls.map(toToolCall))
    this.tool_call_results = fields.tool_call_results ?? null
    Object.freeze(this)
  }

  /**
   * Validates any value into ToolCalls, in DSPy's or OpenAI's shape, as DSPy's pydantic validation does.
   *
   * @throws {SpecialTypeError} `Received invalid value for \`dspy.ToolCalls\`` when the shape is not recognised, or a call is invalid.
   */
  static from(value: unknown): ToolCalls {
    if (value instanceof ToolCalls) return value
    if (Array.isArray(value) && value.every(isToolCallRecord)) return new ToolCalls({ tool_calls: value.map(toToolCall) })
    if (isPlainRecord(value)) {
      if ('tool_calls' in value) {
        const calls = value.tool_calls
        if (Array.isArray(calls)) {
          return new ToolCalls({ tool_calls: calls.map(toToolCall), tool_call_results: value.tool_call_results ?? null })
        }
      } else if (isToolCallRecord(value)) {
        return new ToolCalls({ tool_calls: [toToolCall(value)] })
      }
    }
    throw invalid(`Received invalid value for \`dspy.ToolCalls\`: ${receivedValueText(value)}`)
  }

  /** ToolCalls from a list of call objects, each `{ name, args }` or OpenAI-shaped. */
  static fromDictList(calls: readonly Readonly<Record<string, unknown>>[]): ToolCalls {
    return new ToolCalls({ tool_calls: calls.map(toToolCall) })
  }

  /** The text DSPy adds to a field's description for this type. */
  static description(): string {
    return (
      'Tool calls must be a JSON object with `tool_calls`, a list of calls. ' +
      'Each call must include `name` and `args`. ' +
      'Example: {"tool_calls": [{"name": "search", "args": {"query": "cats"}}]}'
    )
  }

  /** What DSPy shows the LM: `{ tool_calls: [{ name, args }] }` (ids and results left out). */
  format(): { tool_calls: { name: string; args: Readonly<Record<string, unknown>> }[] } {
    return { tool_calls: this.tool_calls.map((call) => call.format()) }
  }

  /** DSPy's serialised form: {@link ToolCalls.format}, plus `tool_call_results` when there are results. */
  toJSON(): { tool_calls: { name: string; args: Readonly<Record<string, unknown>> }[]; tool_call_results?: unknown } {
    const data: { tool_calls: { name: string; args: Readonly<Record<string, unknown>> }[]; tool_call_results?: unknown } = this.format()
    if (this.tool_call_results !== null) data.tool_call_results = this.tool_call_results
    return data
  }

  /** Python's `str()` of the model: `tool_calls=[ToolCall(...)] tool_call_results=None`. */
  toString(): string {
    return `tool_calls=${pythonValueRepr(this.tool_calls)} tool_call_results=${pythonValueRepr(this.tool_call_results)}`
  }

  /** Python's `repr()`: `ToolCalls(tool_calls=[ToolCall(...)], tool_call_results=None)`. */
  repr(): string {
    return `ToolCalls(tool_calls=${pythonValueRepr(this.tool_calls)}, tool_call_results=${pythonValueRepr(this.tool_call_results)})`
  }
}
