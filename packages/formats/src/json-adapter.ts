import type { ModelCapabilities, ResponseFormat } from '@dspex/provider'
import type { SignatureField } from '@dspex/signatures'
import { openaiStrictJSONSchema, parseValue, ValueParseError } from '@dspex/types'
import { formatJSONObject, loadRepairedJSON, pythonJSONDumps, pythonStr } from '@dspex/types/internal'
import type { TSchema } from 'typebox'
import type { AdapterOptions, AdapterRequestOptions } from './adapter.js'
import {
  type AdapterCallOptions,
  type AdapterModel,
  type AdapterOutputs,
  type AdapterRequest,
  type AnySignature,
  type FieldValues,
  isFinalError,
} from './adapter-model.js'
import { ChatAdapter, completeOutputs, errorText } from './chat-adapter.js'
import { setDefaultFallbackAdapter } from './default-fallback-adapter.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { firstJSONObjectText } from './first-json-object-text.js'
import { pythonStrip } from './python-strip.js'
import { outputTypeHint, translateFieldType } from './translate-field-type.js'

const jsonObjectFormat: ResponseFormat = { type: 'json' }

type StructuredFormat = { readonly format: ResponseFormat } | { readonly error: unknown }

/**
 * DSPy's JSON format: inputs in `[[ ## name ## ]]` sections, outputs as one JSON object. It asks
 * for structured outputs (a strict JSON Schema of the outputs) when the model supports them, plain
 * JSON mode when it only has that, when an output is an open-ended `dict`, or when a `ToolCalls`
 * output is not handled natively; if the structured attempt fails for any reason but an API error,
 * the call is retried once in JSON mode. Native function calling is on by default.
 *
 * @example
 * ```ts
 * const adapter = new JSONAdapter()
 * adapter.parse(Signature.parse('question -> answer, n: int'), '{"answer": "Paris", "n": "3"}') // { answer: 'Paris', n: 3 }
 * ```
 * @see dspy.JSONAdapter
 */
export class JSONAdapter extends ChatAdapter {
  constructor(options: AdapterOptions = {}) {
    super({ ...options, useNativeFunctionCalling: options.useNativeFunctionCalling ?? true, useJSONAdapterFallback: false })
  }

  /**
   * {@link Adapter.call} with the response format chosen as described above; the structured
   * attempt falls back to JSON mode once. Never falls back to another adapter.
   */
  override async call(model: AdapterModel, options: AdapterCallOptions): Promise<AdapterOutputs[]> {
    const mode = this.responseMode(options.signature, model.capabilities)
    if (mode === 'none') return this.callOnce(model, options, {})
    if (mode === 'json') return this.callOnce(model, options, { responseFormat: jsonObjectFormat })
    try {
      const structured = this.structuredFormat(options.signature)
      if ('error' in structured) throw structured.error
      return await this.callOnce(model, options, { responseFormat: structured.format })
    } catch (error) {
      if (isFinalError(error, options.request)) throw error
      return this.callOnce(model, options, { responseFormat: jsonObjectFormat })
    }
  }

  /** The adapter's request options plus the response format of the first attempt. */
  override requestOptions(
    signature: AnySignature,
    capabilities: ModelCapabilities,
    inputs: FieldValues = {},
    request: AdapterRequest = {},
  ): AdapterRequestOptions {
    const options = super.requestOptions(signature, capabilities, inputs, request)
    const mode = this.responseMode(signature, capabilities)
    if (mode === 'none') return options
    const structured = mode === 'structured' ? this.structuredFormat(signature) : undefined
    const responseFormat = structured !== undefined && 'format' in structured ? structured.format : jsonObjectFormat
    return { ...options, responseFormat }
  }

  /** Inputs as sections, then the outputs as an indented JSON object of placeholders. @see dspy.JSONAdapter.format_field_structure */
  override formatFieldStructure(signature: AnySignature): string {
    const outputs = Object.fromEntries(signature.outputFields.map((field) => [field.name, translateFieldType(field)]))
    const parts = [
      'All interactions will be structured in the following way, with the appropriate values filled in.',
      'Inputs will have the following structure:',
      this.formatFieldsWithValues(signature.inputFields.map((field) => [field, translateFieldType(field)])),
      'Outputs will be a JSON object with the following fields.',
      pythonJSONDumps(outputs, { indent: 2 }),
    ]
    return pythonStrip(parts.join('\n\n'))
  }

  /** @see dspy.JSONAdapter.user_message_output_requirements */
  override userMessageOutputRequirements(signature: AnySignature): string {
    const fields = signature.outputFields.map((field) => `\`${field.name}\`${outputTypeHint(field)}`).join(', then ')
    return `Respond with a JSON object in the following order of fields: ${fields}.`
  }

  /** Every output in one indented JSON object, missing ones as `missingFieldMessage` (default `null`). @see dspy.JSONAdapter.format_assistant_message_content */
  override formatAssistantMessageContent(signature: AnySignature, outputs: FieldValues, missingFieldMessage?: string): string {
    const record: Record<string, unknown> = {}
    for (const field of signature.outputFields) {
      record[field.name] =
        Object.hasOwn(outputs, field.name) && outputs[field.name] !== undefined ? outputs[field.name] : (missingFieldMessage ?? null)
    }
    return formatJSONObject(record, this.outputSchemas(signature))
  }

  /**
   * The outputs in a JSON object: the completion is repaired as JSON (or its first balanced `{...}`
   * is), keys that are not outputs are dropped, each value is parsed by its type, and optional
   * outputs take their defaults. Any reply is read in time linear in its length.
   *
   * @throws {AdapterParseError} carrying the whole reply (`lmResponse`; the message shows the `{...}`
   *   span when that is what was parsed, as DSPy's does) when there is no JSON object, the JSON nests
   *   more than 1,000 levels deep (a `ValueParseError` with code `value-parse-too-deep` is the cause), a
   *   value does not fit its type (the `ValueParseError` is the cause; DSPy lets that error through
   *   unwrapped), or an output is missing.
   * @see dspy.JSONAdapter.parse
   */
  override parse(signature: AnySignature, completion: string): AdapterOutputs {
    let text = completion
    let read = readJSONObject(text)
    if (!isRecord(read.decoded)) {
      const span = firstJSONObjectText(text)
      if (span !== undefined) {
        text = span
        read = readJSONObject(text)
      }
    }
    const { decoded, failure } = read
    const parsedText = text === completion ? {} : { parsedText: text }
    if (!isRecord(decoded)) {
      throw new AdapterParseError({
        adapterName: 'JSONAdapter',
        signature,
        lmResponse: completion,
        ...parsedText,
        message: failure === undefined ? 'LM response cannot be serialized to a JSON object.' : errorText(failure),
        ...(failure === undefined ? {} : { cause: failure }),
      })
    }
    const outputs = this.outputFieldsByName(signature)
    const fields: AdapterOutputs = {}
    for (const [name, value] of Object.entries(decoded)) {
      const field = outputs.get(name)
      if (field === undefined) continue
      try {
        fields[name] = parseValue(value, field.schema)
      } catch (error) {
        throw new AdapterParseError({
          adapterName: 'JSONAdapter',
          signature,
          lmResponse: completion,
          ...parsedText,
          message: `Failed to parse field ${name} with value ${printedValue(value, error)} from the LM response. Error message: ${errorText(error)}`,
          fieldName: name,
          parsedResult: { ...fields },
          listParsedFields: false,
          cause: error,
        })
      }
    }
    return completeOutputs('JSONAdapter', signature, completion, fields, text === completion ? undefined : text)
  }

  /** How the response is shaped for this signature and model. @see dspy.JSONAdapter.__call__ */
  private responseMode(signature: AnySignature, capabilities: ModelCapabilities): 'none' | 'json' | 'structured' {
    if (!capabilities.jsonMode && !capabilities.structuredOutputs) return 'none'
    const openEnded = signature.outputFields.some((field) => field.type.kind === 'dict')
    const promptToolCalls = !this.useNativeFunctionCalling && signature.outputFields.some(isToolCallsField)
    return openEnded || promptToolCalls || !capabilities.structuredOutputs ? 'json' : 'structured'
  }

  /** The strict JSON Schema response format of the outputs (a native `ToolCalls` output left out), or why there is none. Made once per signature. */
  private structuredFormat(signature: AnySignature): StructuredFormat {
    const purpose = this.useNativeFunctionCalling ? 'structured-output-native' : 'structured-output'
    return this.cached(signature, purpose, (): StructuredFormat => {
      const fields: Record<string, TSchema> = {}
      for (const field of signature.outputFields) {
        if (!(this.useNativeFunctionCalling && isToolCallsField(field))) fields[field.name] = field.schema
      }
      try {
        const { name, schema, strict } = openaiStrictJSONSchema(fields)
        return { format: { type: 'json_schema', name, schema, strict } }
      } catch (error) {
        return { error }
      }
    })
  }

  private outputSchemas(signature: AnySignature): Readonly<Record<string, TSchema>> {
    return this.cached(signature, 'output-schemas', () => Object.fromEntries(signature.outputFields.map((field) => [field.name, field.schema])))
  }
}

// DSPy's ChatAdapter retries a failed call with a JSONAdapter; chat-adapter.ts cannot import this file (which extends it), so this file provides it.
setDefaultFallbackAdapter(
  (failed) =>
    new JSONAdapter({
      useNativeFunctionCalling: failed.useNativeFunctionCalling,
      ...(failed.parallelToolCalls === undefined ? {} : { parallelToolCalls: failed.parallelToolCalls }),
    }),
)

function isToolCallsField(field: SignatureField): boolean {
  return field.type.kind === 'special' && field.type.name === 'ToolCalls'
}

/** Python's `str()` of a field value that failed, reusing the text the `ValueParseError` already printed. */
function printedValue(value: unknown, error: unknown): string {
  return ValueParseError.isInstance(error) && error.value === value ? error.text : pythonStr(value)
}

/** json_repair's reading of `text`, or the typed error of text nested too deep to read (`decoded` is then undefined). */
function readJSONObject(text: string): { decoded: unknown; failure: ValueParseError | undefined } {
  try {
    return { decoded: loadRepairedJSON(text), failure: undefined }
  } catch (error) {
    if (!ValueParseError.isInstance(error)) throw error
    return { decoded: undefined, failure: error }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
