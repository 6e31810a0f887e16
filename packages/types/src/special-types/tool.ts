import { withCallbacks } from '@dspex/core'
import { type TObject, type TProperties, type TUnsafe, Type } from 'typebox'
import { Value } from 'typebox/value'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonValueRepr } from '../python-value-repr.js'
import { isPlainRecord, receivedTypeName } from './received-value.js'

/** The JSON Schema of each argument of a tool, by argument name (DSPy's `Tool.args`). */
export type ToolArgumentSchemas = Readonly<Record<string, Readonly<Record<string, unknown>>>>

/** The function a {@link Tool} wraps: it takes the arguments as one object (Python's keyword arguments) and may be async. */
export type ToolFunction<Args extends Record<string, unknown> = Record<string, unknown>> = (args: Args) => unknown

/** Options of the {@link Tool} constructor. */
export interface ToolOptions {
  /** The tool's name (default: the function's name). */
  readonly name?: string
  /** What the tool does, shown to the LM (DSPy's `desc`; default none). */
  readonly desc?: string
  /**
   * The arguments: a TypeBox object schema whose properties are the arguments, or a JSON Schema
   * per argument name. An argument with a `default` is optional and takes that default when omitted.
   */
  readonly args?: TObject<TProperties> | ToolArgumentSchemas
  /** A description per argument, copied into its schema's `description`. */
  readonly argDesc?: Readonly<Record<string, string>>
  /** Accept arguments the schema does not list and pass them through (Python's `**kwargs`). */
  readonly hasKwargs?: boolean
}

/** The OpenAI/LiteLLM function-calling definition of a tool. */
export interface ToolFunctionDefinition {
  readonly type: 'function'
  readonly function: {
    readonly name: string
    readonly description: string
    readonly parameters: { readonly type: 'object'; readonly properties: ToolArgumentSchemas; readonly required: string[] }
  }
}

/** The TypeBox schema of a Tool value: a {@link Tool} instance (its JSON shape is `{ name, desc, args }`). */
export type ToolValueSchema = TUnsafe<Tool>

/** A fresh TypeBox schema of a Tool value (untagged; see `specialTypeSchema`). */
export function toolValueSchema(): ToolValueSchema {
  return Type.Unsafe<Tool>({
    type: 'object',
    properties: { name: { type: 'string' }, desc: { type: 'string' }, args: { type: 'object' } },
    required: ['name', 'args'],
  })
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Tool' })
}

function argumentSchemas(options: ToolOptions): { args: Record<string, Record<string, unknown>>; required: string[] } {
  const source = options.args ?? {}
  const isObjectSchema = (source as { type?: unknown }).type === 'object' && isPlainRecord((source as { properties?: unknown }).properties)
  const properties = (isObjectSchema ? (source as TObject).properties : source) as Record<string, unknown>
  const args: Record<string, Record<string, unknown>> = {}
  for (const [name, schema] of Object.entries(properties)) {
    if (typeof schema !== 'object' || schema === null)
      throw invalid(`Tool argument \`${name}\` needs a JSON Schema object, received ${receivedTypeName(schema)}.`)
    const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>
    const description = options.argDesc?.[name]
    args[name] = description === undefined ? copy : { ...copy, description }
  }
  const listed = isObjectSchema ? new Set((source as TObject).required ?? []) : undefined
  const required = Object.keys(args).filter((name) => !('default' in (args[name] ?? {})) && (listed === undefined || listed.has(name)))
  return { args, required }
}

/**
 * A function the LM can call (`dspy.Tool`): a name, a description, a JSON Schema per argument,
 * and an async {@link Tool.acall} that checks the arguments against those schemas before running it.
 * Shown to the LM as `str(tool)` in prompts, or as a function definition for native tool calling.
 *
 * @example
 * ```ts
 * const search = new Tool(async ({ query }: { query: string }) => lookUp(query), {
 *   name: 'search',
 *   desc: 'Searches the web.',
 *   args: { query: { type: 'string' } },
 * })
 * String(search) // "search, whose description is <desc>Searches the web.</desc>. It takes arguments {'query': {'type': 'string'}}."
 * await search.acall({ query: 'cats' })
 * ```
 * @see DSPy `dspy.Tool` (`dspy/adapters/types/tool.py`)
 */
export class Tool<Args extends Record<string, unknown> = Record<string, unknown>> {
  /** The wrapped function. */
  readonly func: ToolFunction<Args>
  /** The tool's name. */
  readonly name: string
  /** What the tool does ('' when not given). */
  readonly desc: string
  /** The JSON Schema of each argument. */
  readonly args: ToolArgumentSchemas
  /** Whether arguments outside {@link Tool.args} are accepted. */
  readonly has_kwargs: boolean
  readonly #required: readonly string[]

  /** @throws {SpecialTypeError} when `func` is not a function, no name can be found, or an argument schema is not an object. */
  constructor(func: ToolFunction<Args>, options: ToolOptions = {}) {
    if (typeof func !== 'function') throw invalid(`Tool wraps a function, received ${receivedTypeName(func)}.`)
    const name = options.name ?? func.name
    if (name === '') throw invalid('Tool needs a name: pass `name` or wrap a named function.')
    const { args, required } = argumentSchemas(options)
    this.func = func
    this.name = name
    this.desc = options.desc ?? ''
    this.args = args
    this.has_kwargs = options.hasKwargs ?? false
    this.#required = required
    Object.freeze(this)
  }

  /**
   * Accepts a value for a field typed `dspy.Tool`: only a Tool instance can be one.
   *
   * @throws {SpecialTypeError} for anything else.
   */
  static from(value: unknown): Tool {
    if (value instanceof Tool) return value as Tool
    throw invalid(`Received invalid value for \`dspy.Tool\`: expected a Tool instance, received ${receivedTypeName(value)}.`)
  }

  /** The text DSPy adds to a field's description for this type: none. */
  static description(): string {
    return ''
  }

  /**
   * Checks `args` against the argument schemas, fills in defaults, and runs the function,
   * reported to callbacks (`onToolStart` with the arguments, `onToolEnd` with the result or error).
   *
   * @throws {SpecialTypeError} naming the argument when one is unknown, invalid or missing; errors thrown by the function propagate.
   * @see DSPy `Tool.acall`
   */
  acall(args: Args): Promise<unknown> {
    return withCallbacks({ kind: 'tool', instance: this, inputs: args }, async () => await this.func(this.validateArgs(args)))
  }

  /**
   * The arguments as the function will receive them: checked against their schemas, defaults filled in.
   *
   * @throws {SpecialTypeError} naming the argument when one is unknown, invalid or missing.
   */
  validateArgs(args: Args): Args {
    if (!isPlainRecord(args)) throw invalid(`Tool ${this.name} takes an object of arguments, received ${receivedTypeName(args)}.`)
    for (const [name, value] of Object.entries(args)) {
      const schema = this.args[name]
      if (schema === undefined) {
        if (this.has_kwargs) continue
        throw invalid(`Arg ${name} is not in the tool's args.`)
      }
      if (schema.type === undefined || schema.type === 'Any' || Value.Check(schema, value)) continue
      const [first] = Value.Errors(schema, value)
      const where = first === undefined || first.instancePath === '' ? '' : ` at ${first.instancePath}`
      throw invalid(`Arg ${name} is invalid: ${first?.message ?? 'does not match its schema'}${where}.`)
    }
    const missing = this.#required.filter((name) => !(name in args))
    if (missing.length > 0) throw invalid(`Tool ${this.name} is missing required args: ${missing.join(', ')}.`)
    const filled: Record<string, unknown> = { ...args }
    for (const [name, schema] of Object.entries(this.args)) {
      if (!(name in filled) && 'default' in schema) filled[name] = structuredClone(schema.default)
    }
    return filled as Args
  }

  /** The OpenAI/LiteLLM function definition; `required` lists the arguments without a default. */
  formatAsLitellmFunctionCall(): ToolFunctionDefinition {
    return {
      type: 'function',
      function: {
        name: this.name,
        description: this.desc,
        parameters: { type: 'object', properties: this.args, required: [...this.#required] },
      },
    }
  }

  /** What DSPy shows the LM for this tool: the same as {@link Tool.toString}. */
  format(): string {
    return this.toString()
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): the tool's text. */
  toJSON(): string {
    return this.toString()
  }

  /** Python's `str()`: `name, whose description is <desc>...</desc>. It takes arguments {...}.` */
  toString(): string {
    const desc = this.desc === '' ? '.' : `, whose description is <desc>${this.desc}</desc>.`.replaceAll('\n', '  ')
    return `${this.name}${desc} It takes arguments ${pythonValueRepr(this.args)}.`
  }

  /** Python's `repr()`: `Tool(name=search, desc=..., args={...})`. */
  repr(): string {
    return `Tool(name=${this.name}, desc=${this.desc}, args=${pythonValueRepr(this.args)})`
  }
}
