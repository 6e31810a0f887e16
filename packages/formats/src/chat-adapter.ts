import type { SignatureField } from '@dspex/signatures'
import { formatFieldValue, parseValue } from '@dspex/types'
import { Adapter, type AdapterOptions, type UserMessageOptions } from './adapter.js'
import {
  type AdapterCallOptions,
  type AdapterModel,
  type AdapterOutputs,
  type AnySignature,
  type FieldValues,
  isFinalError,
} from './adapter-model.js'
import { applyOutputFieldDefaults } from './apply-output-field-defaults.js'
import { defaultFallbackAdapter } from './default-fallback-adapter.js'
import { hasValue } from './demo-groups.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { fieldDescriptionList } from './field-description.js'
import { parseFieldSections } from './parse-field-sections.js'
import { pythonDedent } from './python-dedent.js'
import { pythonSplitlines } from './python-splitlines.js'
import { pythonStrip } from './python-strip.js'
import { outputTypeHint, translateFieldType } from './translate-field-type.js'

/** Options of {@link ChatAdapter}. */
export interface ChatAdapterOptions extends AdapterOptions {
  /** Retry a failed call once with the fallback adapter (default true). */
  readonly useJSONAdapterFallback?: boolean
  /** The adapter a failed call is retried with; by default a {@link JSONAdapter} with this adapter's native-tool options. */
  readonly fallbackAdapter?: Adapter
}

/**
 * DSPy's default format: every field in its own `[[ ## name ## ]]` section, outputs ended by
 * `[[ ## completed ## ]]`. A call that fails for any reason but an API error is retried once,
 * whole, with a {@link JSONAdapter}.
 *
 * @example
 * ```ts
 * const adapter = new ChatAdapter()
 * const messages = adapter.format(Signature.parse('question -> answer'), [], { question: 'Capital of France?' })
 * adapter.parse(Signature.parse('question -> answer'), '[[ ## answer ## ]]\nParis') // { answer: 'Paris' }
 * ```
 * @see dspy.ChatAdapter
 */
export class ChatAdapter extends Adapter {
  /** Whether a failed call is retried with the fallback adapter. */
  readonly useJSONAdapterFallback: boolean
  /** The adapter given as `fallbackAdapter`, if any. */
  readonly fallbackAdapter: Adapter | undefined

  constructor(options: ChatAdapterOptions = {}) {
    super(options)
    this.useJSONAdapterFallback = options.useJSONAdapterFallback ?? true
    this.fallbackAdapter = options.fallbackAdapter
  }

  /**
   * {@link Adapter.call}, retried once with the fallback adapter (by default a {@link JSONAdapter} with
   * the same native-tool options) when it fails with anything but an API error or an abort, unless the
   * fallback is off (the JSON adapter overrides this method and never falls back). The retry's error,
   * if any, is the one thrown.
   */
  override async call(model: AdapterModel, options: AdapterCallOptions): Promise<AdapterOutputs[]> {
    try {
      return await this.callOnce(model, options, {})
    } catch (error) {
      if (isFinalError(error, options.request) || !this.useJSONAdapterFallback) throw error
      const fallback = this.fallbackAdapter ?? defaultFallbackAdapter(this)
      if (fallback === undefined) throw error
      return fallback.call(model, options)
    }
  }

  /** @see dspy.ChatAdapter.format_field_description */
  formatFieldDescription(signature: AnySignature): string {
    return (
      `Your input fields are:\n${fieldDescriptionList(signature.inputFields)}\n` +
      `Your output fields are:\n${fieldDescriptionList(signature.outputFields)}`
    )
  }

  /** Every field's `[[ ## name ## ]]` section with its placeholder, then `[[ ## completed ## ]]`. @see dspy.ChatAdapter.format_field_structure */
  formatFieldStructure(signature: AnySignature): string {
    const placeholders = (fields: readonly SignatureField[]): string =>
      this.formatFieldsWithValues(fields.map((field) => [field, translateFieldType(field)]))
    const parts = [
      'All interactions will be structured in the following way, with the appropriate values filled in.',
      placeholders(signature.inputFields),
      placeholders(signature.outputFields),
      '[[ ## completed ## ]]\n',
    ]
    return pythonStrip(parts.join('\n\n'))
  }

  /** `In adhering to this structure, your objective is: ` then each instruction line indented eight spaces. @see dspy.ChatAdapter.format_task_description */
  formatTaskDescription(signature: AnySignature): string {
    const lines = pythonSplitlines(pythonDedent(signature.instructions))
    return `In adhering to this structure, your objective is: ${['', ...lines].join(`\n${' '.repeat(8)}`)}`
  }

  /** @see dspy.ChatAdapter.format_user_message_content */
  formatUserMessageContent(signature: AnySignature, inputs: FieldValues, options: UserMessageOptions = {}): string {
    const parts = [options.prefix ?? '']
    for (const field of signature.inputFields) {
      if (hasValue(inputs, field.name)) parts.push(`[[ ## ${field.name} ## ]]\n${formatFieldValue(inputs[field.name], field.schema)}`)
    }
    if (options.mainRequest === true) parts.push(this.outputRequirements(signature))
    parts.push(options.suffix ?? '')
    return pythonStrip(parts.join('\n\n'))
  }

  /**
   * The reminder of the output format at the end of the final user message: each output's header
   * (with its type when not `str`), then the completed marker. Made once per signature.
   *
   * @see dspy.ChatAdapter.user_message_output_requirements
   */
  userMessageOutputRequirements(signature: AnySignature): string {
    const fields = signature.outputFields.map((field) => `\`[[ ## ${field.name} ## ]]\`${outputTypeHint(field)}`).join(', then ')
    return `Respond with the corresponding output fields, starting with the field ${fields}, and then ending with the marker for \`[[ ## completed ## ]]\`.`
  }

  /** @see dspy.ChatAdapter.format_assistant_message_content */
  formatAssistantMessageContent(signature: AnySignature, outputs: FieldValues, missingFieldMessage?: string): string {
    const missing = missingFieldMessage ?? null
    const content = this.formatFieldsWithValues(
      signature.outputFields.map((field) => [field, hasValue(outputs, field.name) ? outputs[field.name] : missing]),
    )
    return `${content}\n\n[[ ## completed ## ]]\n`
  }

  /**
   * The outputs in `[[ ## name ## ]]` sections: the first section of each output field wins, other
   * text is ignored, each value is parsed by its type, and optional outputs take their defaults.
   *
   * @throws {AdapterParseError} naming the field whose value does not fit its type, or the first missing output.
   * @see dspy.ChatAdapter.parse
   */
  parse(signature: AnySignature, completion: string): AdapterOutputs {
    const fields: AdapterOutputs = {}
    const outputs = this.outputFieldsByName(signature)
    for (const { name, text } of parseFieldSections(completion)) {
      if (name === undefined || Object.hasOwn(fields, name)) continue
      const field = outputs.get(name)
      if (field === undefined) continue
      try {
        fields[name] = parseValue(text, field.schema)
      } catch (error) {
        throw new AdapterParseError({
          adapterName: 'ChatAdapter',
          signature,
          lmResponse: completion,
          message: `Failed to parse field ${name} with value ${text} from the LM response. Error message: ${errorText(error)}`,
          fieldName: name,
          parsedResult: { ...fields },
          listParsedFields: false,
          cause: error,
        })
      }
    }
    return completeOutputs('ChatAdapter', signature, completion, fields)
  }

  /** Fields and values as `[[ ## name ## ]]` sections, joined by blank lines. @see dspy.ChatAdapter.format_field_with_value */
  protected formatFieldsWithValues(entries: readonly (readonly [SignatureField, unknown])[]): string {
    return pythonStrip(entries.map(([field, value]) => `[[ ## ${field.name} ## ]]\n${formatFieldValue(value, field.schema)}`).join('\n\n'))
  }

  /** {@link ChatAdapter.userMessageOutputRequirements}, made once per signature. */
  protected outputRequirements(signature: AnySignature): string {
    return this.cached(signature, 'output-requirements', () => this.userMessageOutputRequirements(signature))
  }

  /** The output fields by name, made once per signature. */
  protected outputFieldsByName(signature: AnySignature): ReadonlyMap<string, SignatureField> {
    return this.cached(signature, 'output-fields', () => new Map(signature.outputFields.map((field) => [field.name, field])))
  }
}

/**
 * The parsed fields with defaults applied, in signature order. `parsedText` is the part of `completion`
 * that was parsed, when it is not all of it.
 *
 * @throws {AdapterParseError} when an output without a default is still missing.
 */
export function completeOutputs(
  adapterName: string,
  signature: AnySignature,
  completion: string,
  fields: AdapterOutputs,
  parsedText?: string,
): AdapterOutputs {
  const completed = applyOutputFieldDefaults(signature, fields)
  const missing = signature.outputFields.find((field) => !Object.hasOwn(completed, field.name))
  if (missing !== undefined) {
    throw new AdapterParseError({
      adapterName,
      signature,
      lmResponse: completion,
      ...(parsedText === undefined ? {} : { parsedText }),
      parsedResult: completed,
      fieldName: missing.name,
    })
  }
  return completed
}

/** Python's `str(exception)`: the message. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
