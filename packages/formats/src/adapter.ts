import { hasCallbacks, withCallbacksSync } from '@dspex/core'
import type { GenerateChoice, GenerateRequest, Message, ModelCapabilities, ResponseFormat, ToolCallPart, ToolDefinition } from '@dspex/provider'
import { Reasoning } from '@dspex/types'
import type { AdapterCallOptions, AdapterModel, AdapterOutputs, AdapterRequest, AnySignature, FieldValues } from './adapter-model.js'
import { applyOutputFieldDefaults } from './apply-output-field-defaults.js'
import { formatHistoryTurns } from './conversation-history.js'
import { demoKind } from './demo-groups.js'
import { matchesSnapshot, snapshotData } from './demo-snapshot.js'
import { AdapterConfigurationError } from './errors/adapter-configuration-error.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { expandCustomTypeMarkers } from './expand-custom-type-markers.js'
import { nativeCitations } from './native-citations.js'
import { nativeFieldsOf, toolCallsFromParts, toolDefinitions } from './native-tool-calling.js'
import { adapterCacheKey, withoutFields } from './signature-cache.js'

/** Output types a model can fill natively instead of through the prompt. */
export type NativeResponseType = 'Reasoning' | 'Citations'

/** Options every adapter takes. */
export interface AdapterOptions {
  /** Send `Tool` inputs as native tool definitions and read a `ToolCalls` output from the model's tool calls. */
  readonly useNativeFunctionCalling?: boolean
  /** Ask for parallel tool calls (only with native function calling); left to the provider when unset. */
  readonly parallelToolCalls?: boolean
  /** Output types filled by the model natively when it can (default `['Citations', 'Reasoning']`). */
  readonly nativeResponseTypes?: readonly NativeResponseType[]
}

/** Options of {@link Adapter.formatUserMessageContent}. */
export interface UserMessageOptions {
  /** Text before the fields (the incomplete-demo sentence). */
  readonly prefix?: string
  /** Text after everything else. */
  readonly suffix?: string
  /** True for the final request: adds the output requirements. */
  readonly mainRequest?: boolean
}

/** The request options an adapter adds for a signature and model. */
export interface AdapterRequestOptions {
  readonly responseFormat?: ResponseFormat
  readonly tools?: readonly ToolDefinition[]
  readonly toolChoice?: NonNullable<GenerateRequest['toolChoice']>
  readonly parallelToolCalls?: boolean
  readonly reasoningEffort?: NonNullable<GenerateRequest['reasoningEffort']>
}

/** How one call will go: the signature the prompt shows (natively handled fields removed) and the request options. */
export interface AdapterCallPlan {
  readonly signature: AnySignature
  readonly request: AdapterRequestOptions
}

const historyFieldKey = Symbol('dspex.formats.history-field')

const defaultNativeResponseTypes: readonly NativeResponseType[] = ['Citations', 'Reasoning']

/**
 * The base of every format: DSPy's `Adapter`. {@link Adapter.format} builds the messages from hooks
 * that subclasses implement (field description, field structure, task description, user and
 * assistant content) plus demos and conversation history; {@link Adapter.parse} reads a completion
 * back; {@link Adapter.call} runs the whole call against a model. Everything that depends only on
 * the signature (the system message, the output requirements, parse plans) is cached on the
 * signature, per adapter class, so hooks must depend on the signature alone.
 *
 * @see dspy.Adapter
 */
export abstract class Adapter {
  /** Whether tools are sent natively. */
  readonly useNativeFunctionCalling: boolean
  /** Whether parallel tool calls are requested (native function calling only). */
  readonly parallelToolCalls: boolean | undefined
  /** Output types filled natively when the model can. */
  readonly nativeResponseTypes: readonly NativeResponseType[]

  constructor(options: AdapterOptions = {}) {
    this.useNativeFunctionCalling = options.useNativeFunctionCalling ?? false
    this.parallelToolCalls = options.parallelToolCalls
    this.nativeResponseTypes = options.nativeResponseTypes ?? defaultNativeResponseTypes
    reportFormatAndParse(this)
  }

  /** The first part of the system message: the inputs and outputs, listed. */
  abstract formatFieldDescription(signature: AnySignature): string
  /** The second part of the system message: how inputs and outputs are laid out. */
  abstract formatFieldStructure(signature: AnySignature): string
  /** The last part of the system message: the instructions. */
  abstract formatTaskDescription(signature: AnySignature): string
  /** A user turn: the inputs present in `inputs`, and the output requirements for the final request. */
  abstract formatUserMessageContent(signature: AnySignature, inputs: FieldValues, options?: UserMessageOptions): string
  /** An assistant turn: every output, `missingFieldMessage` (default `None`) for those `outputs` lacks. */
  abstract formatAssistantMessageContent(signature: AnySignature, outputs: FieldValues, missingFieldMessage?: string): string
  /**
   * The outputs in an LM completion, typed by the signature.
   *
   * @throws {AdapterParseError} when the completion does not hold every required output or a value does not fit its type.
   */
  abstract parse(signature: AnySignature, completion: string): AdapterOutputs

  /**
   * The messages for one call: the system message, the demos (incomplete ones first), the turns of a
   * `History` input, then the inputs with the output requirements. User messages holding images,
   * audio, files or documents are split into content parts. Any number of demos is formatted.
   *
   * @throws {ValueSerializationError} for a demo or input value that cannot be written (a function, a
   *   value nested more than 1,000 levels deep or containing itself), as DSPy fails on it too.
   *
   * @example
   * ```ts
   * new ChatAdapter().format(Signature.parse('question -> answer'), [], { question: 'Why?' })
   * ```
   * @see dspy.Adapter.format
   */
  format(signature: AnySignature, demos: readonly FieldValues[] = [], inputs: FieldValues = {}): Message[] {
    const historyName = this.historyFieldName(signature)
    const messages: Message[] = [{ role: 'system', content: this.systemMessage(signature) }]
    // One push per message: spreading hundreds of thousands of demo turns into `push` overflows the stack.
    for (const message of this.formatDemos(signature, demos)) messages.push(message)
    let requestSignature = signature
    if (historyName !== undefined) {
      requestSignature = withoutFields(signature, [historyName])
      for (const message of this.formatConversationHistory(requestSignature, historyName, inputs)) messages.push(message)
    }
    const content = this.formatUserMessageContent(requestSignature, inputs, { mainRequest: true })
    if (content) messages.push({ role: 'user', content })
    return messages.map(expandCustomTypeMarkers)
  }

  /** The system message: field description, field structure and task description, one per line. @see dspy.Adapter.format_system_message */
  formatSystemMessage(signature: AnySignature): string {
    return `${this.formatFieldDescription(signature)}\n${this.formatFieldStructure(signature)}\n${this.formatTaskDescription(signature)}`
  }

  /**
   * The demos as user/assistant pairs: incomplete demos first, with DSPy's note that some fields
   * are not supplied and `Not supplied for this particular example. ` for missing outputs; then
   * complete demos.
   *
   * @see dspy.Adapter.format_demos
   */
  formatDemos(signature: AnySignature, demos: readonly FieldValues[]): Message[] {
    if (demos.length === 0) return []
    const cache = this.cached(signature, 'demo-turns', () => new WeakMap<object, RenderedDemo>())
    const incomplete: Message[] = []
    const complete: Message[] = []
    for (const demo of demos) {
      const rendered = this.renderDemo(signature, demo, cache)
      if (rendered !== undefined) (rendered.kind === 'incomplete' ? incomplete : complete).push(...rendered.messages)
    }
    return incomplete.length === 0 ? complete : [...incomplete, ...complete]
  }

  /**
   * One demo's kind and its user and assistant turns (`undefined` for a demo DSPy drops). Demos
   * rarely change between calls, so both are kept per demo object and reused while the demo's data
   * is unchanged (an in-place edit of a demo is seen and re-rendered).
   */
  private renderDemo(
    signature: AnySignature,
    demo: FieldValues,
    cache: WeakMap<object, RenderedDemo>,
  ): Pick<RenderedDemo, 'kind' | 'messages'> | undefined {
    const cached = cache.get(demo)
    if (cached !== undefined && matchesSnapshot(demo, cached.snapshot.data)) return cached
    const kind = demoKind(signature, demo)
    if (kind === undefined) return undefined
    const messages: Message[] =
      kind === 'incomplete'
        ? [
            {
              role: 'user',
              content: this.formatUserMessageContent(signature, demo, {
                prefix: 'This is an example of the task, though some input or output fields are not supplied.',
              }),
            },
            { role: 'assistant', content: this.formatAssistantMessageContent(signature, demo, 'Not supplied for this particular example. ') },
          ]
        : [
            { role: 'user', content: this.formatUserMessageContent(signature, demo) },
            {
              role: 'assistant',
              content: this.formatAssistantMessageContent(signature, demo, 'Not supplied for this conversation history message. '),
            },
          ]
    const snapshot = snapshotData(demo)
    if (snapshot === undefined) return { kind, messages }
    const rendered = { snapshot, kind, messages }
    cache.set(demo, rendered)
    return rendered
  }

  /**
   * The turns of the `History` input `historyFieldName` as messages, for `signature` (without the
   * history field). `inputs` is not changed.
   *
   * @see dspy.Adapter.format_conversation_history
   */
  formatConversationHistory(signature: AnySignature, historyFieldName: string, inputs: FieldValues): Message[] {
    return formatHistoryTurns(this, signature, inputs[historyFieldName])
  }

  /** The first input field typed `History`, if any. */
  historyFieldName(signature: AnySignature): string | undefined {
    return signature.cached(
      historyFieldKey,
      (source) => source.inputFields.find((field) => field.type.kind === 'special' && field.type.name === 'History')?.name,
    )
  }

  /**
   * The request options this adapter adds for a signature and model: native tool definitions (from
   * the `Tool` input values) when the signature has a `ToolCalls` output, native reasoning, and,
   * for the JSON adapter, the response format.
   *
   * @throws {AdapterConfigurationError} for a `ToolCalls` output without a tool input under native function calling.
   */
  requestOptions(
    signature: AnySignature,
    capabilities: ModelCapabilities,
    inputs: FieldValues = {},
    request: AdapterRequest = {},
  ): AdapterRequestOptions {
    return this.plan(signature, capabilities, inputs, request).request
  }

  /**
   * The plan of a call: which fields the model fills natively (and so leave the prompt) and the
   * request options that go with them.
   *
   * @throws {AdapterConfigurationError} for a `ToolCalls` output without a tool input under native function calling.
   * @see dspy.Adapter._call_preprocess
   */
  plan(signature: AnySignature, capabilities: ModelCapabilities, inputs: FieldValues, request: AdapterRequest = {}): AdapterCallPlan {
    const removed: string[] = []
    let options: AdapterRequestOptions = {}
    const native = nativeFieldsOf(signature)
    if (this.useNativeFunctionCalling) {
      const inputName = native.toolInput
      const outputName = native.toolCallsOutput
      if (outputName !== undefined && inputName === undefined) {
        throw new AdapterConfigurationError({
          message: `You provided an output field ${outputName} to receive the tool calls information, but did not provide any tools as the input. Please provide a list of tools as the input by adding an input field with type \`list[dspy.Tool]\`.`,
        })
      }
      if (outputName !== undefined && inputName !== undefined && capabilities.toolCalling) {
        options = { tools: toolDefinitions(inputs[inputName], inputName) }
        if (this.parallelToolCalls !== undefined && request.parallelToolCalls === undefined) {
          options = { ...options, parallelToolCalls: this.parallelToolCalls, ...(request.toolChoice === undefined ? { toolChoice: 'auto' } : {}) }
        }
        removed.push(outputName, inputName)
      }
    }
    if (this.nativeResponseTypes.includes('Reasoning') && capabilities.reasoning) {
      for (const name of native.reasoningOutputs) {
        options = { ...options, reasoningEffort: request.reasoningEffort ?? 'low' }
        removed.push(name)
      }
    }
    // DSPy's Citations.adapt_to_native_lm_feature: a model that cites natively (Anthropic) fills it, not the prompt.
    if (this.nativeResponseTypes.includes('Citations') && capabilities.citations === true) removed.push(...native.citationsOutputs)
    return { signature: withoutFields(signature, removed), request: options }
  }

  /**
   * Runs one call: plans native features, formats the messages, calls the model, and parses every
   * completion into outputs (tool calls the model made natively become the `ToolCalls` output;
   * optional outputs take their defaults).
   *
   * @throws {AdapterParseError} when a completion cannot be parsed (after the adapter's fallbacks).
   * @throws whatever the model throws (API errors are never retried by adapters).
   * @example
   * ```ts
   * const [outputs] = await new ChatAdapter().call(model, { signature: qa, inputs: { question: 'Why?' } })
   * ```
   * @see dspy.Adapter.__call__
   */
  call(model: AdapterModel, options: AdapterCallOptions): Promise<AdapterOutputs[]> {
    return this.callOnce(model, options, {})
  }

  /** One attempt of {@link Adapter.call}, with request options that take precedence over the adapter's. */
  protected async callOnce(model: AdapterModel, options: AdapterCallOptions, overrides: AdapterRequestOptions): Promise<AdapterOutputs[]> {
    if (typeof model?.generate !== 'function') {
      throw new AdapterConfigurationError({ message: 'The model must have a `generate(request)` method and `capabilities`.' })
    }
    const { signature, demos = [], inputs, request = {} } = options
    const plan = this.plan(signature, model.capabilities, inputs, request)
    const messages = this.format(plan.signature, demos, inputs)
    const base: AdapterRequest = this.useNativeFunctionCalling ? request : withoutToolOptions(request)
    const result = await model.generate({ ...base, ...plan.request, ...overrides, messages })
    const outputs: AdapterOutputs[] = []
    for (const choice of result.choices) {
      // Parsing is synchronous but for the two-step adapter: only a promise is awaited.
      const parsed = this.parseChoice(choice, plan.signature, signature, request)
      outputs.push(parsed instanceof Promise ? await parsed : parsed)
    }
    return outputs
  }

  /**
   * The text of one completion parsed into outputs; the two-step adapter overrides this to call its
   * extraction model.
   */
  protected parseCompletion(signature: AnySignature, completion: string, _request: AdapterRequest): AdapterOutputs | Promise<AdapterOutputs> {
    return this.parse(signature, completion)
  }

  private parseChoice(
    choice: GenerateChoice,
    promptSignature: AnySignature,
    signature: AnySignature,
    request: AdapterRequest,
  ): AdapterOutputs | Promise<AdapterOutputs> {
    const toolCallsName = nativeFieldsOf(signature).toolCallsOutput
    const calls = toolCallsName !== undefined && choice.toolCalls !== undefined && choice.toolCalls.length > 0 ? choice.toolCalls : undefined
    const text = choice.text
    if (calls !== undefined) return this.parseAlongsideToolCalls(choice, calls, promptSignature, signature, request)
    if (!text) {
      throw new AdapterParseError({
        adapterName: this.constructor.name,
        signature,
        lmResponse: text ?? '',
        message: 'The LM returned an empty or null response.',
      })
    }
    const parsed = this.parseCompletion(promptSignature, text, request)
    return parsed instanceof Promise
      ? parsed.then((outputs) => this.finishOutputs(choice, signature, outputs, undefined))
      : this.finishOutputs(choice, signature, parsed, undefined)
  }

  /** A completion with native tool calls: its text, if any, is parsed leniently (a parse failure leaves only the tool calls). */
  private async parseAlongsideToolCalls(
    choice: GenerateChoice,
    calls: readonly ToolCallPart[],
    promptSignature: AnySignature,
    signature: AnySignature,
    request: AdapterRequest,
  ): Promise<AdapterOutputs> {
    const text = choice.text
    let parsed: AdapterOutputs
    try {
      parsed = text && promptSignature.outputFields.length > 0 ? await this.parseCompletion(promptSignature, text, request) : {}
    } catch (error) {
      if (!AdapterParseError.isInstance(error)) throw error
      parsed = {}
    }
    return this.finishOutputs(choice, signature, parsed, calls)
  }

  /** The parsed outputs with defaults for optional outputs, `null` for missing ones, native tool calls, reasoning and citations. */
  private finishOutputs(
    choice: GenerateChoice,
    signature: AnySignature,
    parsed: AdapterOutputs,
    calls: readonly ToolCallPart[] | undefined,
  ): AdapterOutputs {
    const native = nativeFieldsOf(signature)
    const outputs = applyOutputFieldDefaults(signature, parsed)
    for (const field of signature.outputFields) if (!Object.hasOwn(outputs, field.name)) outputs[field.name] = null
    if (calls !== undefined && native.toolCallsOutput !== undefined) outputs[native.toolCallsOutput] = toolCallsFromParts(calls)
    if (this.nativeResponseTypes.includes('Reasoning') && choice.reasoning !== undefined) {
      for (const name of native.reasoningOutputs) outputs[name] = new Reasoning(choice.reasoning)
    }
    const citations = this.nativeResponseTypes.includes('Citations') ? nativeCitations(choice.citations) : undefined
    if (citations !== undefined) for (const name of native.citationsOutputs) outputs[name] = citations
    return outputs
  }

  /** The system message, made once per signature. */
  protected systemMessage(signature: AnySignature): string {
    return this.cached(signature, 'system-message', () => this.formatSystemMessage(signature))
  }

  /** A value derived from the signature alone by this adapter class, computed once and kept on the signature. */
  protected cached<Value>(signature: AnySignature, purpose: string, compute: () => Value): Value {
    return signature.cached(adapterCacheKey(this.constructor, purpose), compute)
  }
}

/**
 * Makes every call of this adapter's `format` and `parse`, whichever class defines them, report to
 * callbacks (`onAdapterFormatStart/End`, `onAdapterParseStart/End`), as DSPy wraps them in each
 * subclass. The wrappers are own properties of the instance, so `super.parse(...)` inside an
 * override does not report twice.
 */
function reportFormatAndParse(adapter: Adapter): void {
  const format = adapter.format
  const parse = adapter.parse
  Object.defineProperties(adapter, {
    format: {
      value(signature: AnySignature, demos: readonly FieldValues[] = [], inputs: FieldValues = {}): Message[] {
        if (!hasCallbacks(adapter)) return format.call(adapter, signature, demos, inputs)
        return withCallbacksSync({ kind: 'adapterFormat', instance: adapter, inputs: { signature, demos, inputs } }, () =>
          format.call(adapter, signature, demos, inputs),
        )
      },
      writable: true,
      configurable: true,
    },
    parse: {
      value(signature: AnySignature, completion: string): AdapterOutputs {
        if (!hasCallbacks(adapter)) return parse.call(adapter, signature, completion)
        return withCallbacksSync({ kind: 'adapterParse', instance: adapter, inputs: { signature, completion } }, () =>
          parse.call(adapter, signature, completion),
        )
      },
      writable: true,
      configurable: true,
    },
  })
}

function withoutToolOptions(request: AdapterRequest): AdapterRequest {
  if (request.tools === undefined && request.toolChoice === undefined && request.parallelToolCalls === undefined) return request
  const { tools: _tools, toolChoice: _toolChoice, parallelToolCalls: _parallel, ...rest } = request
  return rest
}

/** A demo's rendered turns, kept with a snapshot of the data they were rendered from. */
interface RenderedDemo {
  readonly snapshot: { readonly data: unknown }
  readonly kind: 'complete' | 'incomplete'
  readonly messages: readonly Message[]
}
