import type { Message } from '@dspex/provider'
import { InputField, Signature } from '@dspex/signatures'
import { type TypeNode, t } from '@dspex/types'
import { pythonStr } from '@dspex/types/internal'
import { Adapter, type AdapterOptions, type UserMessageOptions } from './adapter.js'
import { type AdapterModel, type AdapterOutputs, type AdapterRequest, type AnySignature, type FieldValues, isFinalError } from './adapter-model.js'
import { ChatAdapter, errorText } from './chat-adapter.js'
import { hasValue } from './demo-groups.js'
import { AdapterConfigurationError } from './errors/adapter-configuration-error.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { expandCustomTypeMarkers } from './expand-custom-type-markers.js'
import { fieldDescriptionList } from './field-description.js'
import { pythonStrip } from './python-strip.js'

const extractorKey = Symbol('dspex.formats.two-step-extractor')

/**
 * A two-stage format for models that do badly with structured output (reasoning models): the main
 * model gets a plain prompt (`name: value` inputs, the task in the system message) and answers
 * freely; then a {@link ChatAdapter} call on the extraction model, with the signature
 * `text -> <the original outputs>`, pulls the outputs out of that answer.
 *
 * @example
 * ```ts
 * const adapter = new TwoStepAdapter(smallModel)
 * const [outputs] = await adapter.call(reasoningModel, { signature: qa, inputs: { question: 'Why?' } })
 * ```
 * @see dspy.TwoStepAdapter
 */
export class TwoStepAdapter extends Adapter {
  /** The model that extracts the outputs from the main model's answer. */
  readonly extractionModel: AdapterModel

  /** @throws {AdapterConfigurationError} when `extractionModel` has no `generate` method. */
  constructor(extractionModel: AdapterModel, options: AdapterOptions = {}) {
    super(options)
    if (typeof extractionModel?.generate !== 'function') {
      throw new AdapterConfigurationError({ message: 'extractionModel must be a model with a `generate(request)` method.' })
    }
    this.extractionModel = extractionModel
  }

  /** The system message (the task description), the demos, then the inputs as `name: value` lines. @see dspy.TwoStepAdapter.format */
  override format(signature: AnySignature, demos: readonly FieldValues[] = [], inputs: FieldValues = {}): Message[] {
    const messages: Message[] = [{ role: 'system', content: this.cached(signature, 'task-description', () => this.formatTaskDescription(signature)) }]
    for (const message of this.formatDemos(signature, demos)) messages.push(message)
    messages.push({ role: 'user', content: this.formatUserMessageContent(signature, inputs) })
    return messages.map(expandCustomTypeMarkers)
  }

  /** The inputs and outputs, listed as the task description shows them. */
  formatFieldDescription(signature: AnySignature): string {
    return (
      `As input, you will be provided with:\n${fieldDescriptionList(signature.inputFields)}\n` +
      `Your outputs must contain:\n${fieldDescriptionList(signature.outputFields)}`
    )
  }

  /** The two-step prompt has no structure block: ''. */
  formatFieldStructure(_signature: AnySignature): string {
    return ''
  }

  /** @see dspy.TwoStepAdapter.format_task_description */
  formatTaskDescription(signature: AnySignature): string {
    const parts = [
      'You are a helpful assistant that can solve tasks based on user input.',
      this.formatFieldDescription(signature),
      'You should lay out your outputs in detail so that your answer can be understood by another agent',
    ]
    if (signature.instructions) parts.push(`Specific instructions: ${signature.instructions}`)
    return parts.join('\n')
  }

  /** Each input present as `name: value` (Python's `str()` of the value), joined by blank lines. @see dspy.TwoStepAdapter.format_user_message_content */
  formatUserMessageContent(signature: AnySignature, inputs: FieldValues, options: UserMessageOptions = {}): string {
    const parts = [options.prefix ?? '']
    for (const field of signature.inputFields) {
      if (hasValue(inputs, field.name)) parts.push(`${field.name}: ${pythonStrOf(inputs[field.name], field.type)}`)
    }
    parts.push(options.suffix ?? '')
    return pythonStrip(parts.join('\n\n'))
  }

  /** Each output present as `name: value`, joined by blank lines. @see dspy.TwoStepAdapter.format_assistant_message_content */
  formatAssistantMessageContent(signature: AnySignature, outputs: FieldValues, _missingFieldMessage?: string): string {
    const parts = signature.outputFields
      .filter((field) => hasValue(outputs, field.name))
      .map((field) => `${field.name}: ${pythonStrOf(outputs[field.name], field.type)}`)
    return pythonStrip(parts.join('\n\n'))
  }

  /**
   * Not available: the outputs are extracted by a model, which is asynchronous. Use
   * {@link TwoStepAdapter.extract} or {@link Adapter.call}.
   *
   * @throws {AdapterConfigurationError} always.
   */
  parse(_signature: AnySignature, _completion: string): AdapterOutputs {
    throw new AdapterConfigurationError({
      message: 'TwoStepAdapter parses through its extraction model, which is asynchronous: use extract() or call().',
    })
  }

  /**
   * The outputs in the main model's answer, extracted by a {@link ChatAdapter} call on the
   * extraction model.
   *
   * @throws {AdapterParseError} (`Failed to parse response from the original completion: ...`) when
   *   the extraction fails for any reason but an API error.
   * @see dspy.TwoStepAdapter.parse
   */
  async extract(signature: AnySignature, completion: string, request: AdapterRequest = {}): Promise<AdapterOutputs> {
    const extractor = signature.cached(extractorKey, extractorSignature)
    try {
      const [outputs] = await new ChatAdapter().call(this.extractionModel, {
        signature: extractor,
        inputs: { text: completion },
        request: request.signal === undefined ? {} : { signal: request.signal },
      })
      if (outputs === undefined) throw new Error('The extraction model returned no completion.')
      return outputs
    } catch (error) {
      if (isFinalError(error, request)) throw error
      throw new AdapterParseError({
        adapterName: 'TwoStepAdapter',
        signature,
        lmResponse: completion,
        message: `Failed to parse response from the original completion: ${errorText(error)}`,
        cause: error,
      })
    }
  }

  protected override parseCompletion(signature: AnySignature, completion: string, request: AdapterRequest): Promise<AdapterOutputs> {
    return this.extract(signature, completion, request)
  }
}

/** `text -> <outputs>`, with DSPy's extraction instructions (the 13-space run is from a line continuation in DSPy's source). */
function extractorSignature(signature: AnySignature): AnySignature {
  const outputs = signature.outputFields.map((field) => `\`${field.name}\``).join(', ')
  return Signature.create({
    fields: {
      text: InputField(t.string()),
      ...Object.fromEntries(signature.outputFields.map((field) => [field.name, field.toDefinition()])),
    },
    instructions:
      `The input is a text that should contain all the necessary information to produce the fields ${outputs}. ` +
      '            Your job is to extract the fields from the text verbatim. Extract precisely the appropriate value (content) for each field.',
  })
}

/** Python's `str()` of a value: a special type's own text, else the value's Python form. */
function pythonStrOf(value: unknown, node: TypeNode): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const prototype: unknown = Object.getPrototypeOf(value)
    const ownText = (value as { toString?: unknown }).toString
    if (prototype !== null && prototype !== Object.prototype && typeof ownText === 'function' && ownText !== Object.prototype.toString) {
      return String(value)
    }
  }
  return pythonStr(value, node)
}
