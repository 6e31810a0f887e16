import type { SignatureField } from '@dspex/signatures'
import { formatFieldValue, parseValue, ValueParseError } from '@dspex/types'
import { coerceValue, pythonStr, serializeForJSON, typeNodePydanticJSONSchema } from '@dspex/types/internal'
import type { UserMessageOptions } from './adapter.js'
import type { AdapterOutputs, AnySignature, FieldValues } from './adapter-model.js'
import { ChatAdapter, completeOutputs, errorText } from './chat-adapter.js'
import { hasValue } from './demo-groups.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { XMLSyntaxError } from './errors/xml-syntax-error.js'
import { fieldInfoRepr } from './field-info-repr.js'
import { pythonStrip } from './python-strip.js'
import { translateFieldType } from './translate-field-type.js'
import { readXML } from './xml/read-xml.js'
import { groupXMLChildren } from './xml/xml-element.js'
import { xmlElementsToValue } from './xml/xml-elements-to-value.js'
import { definitionsOf, escapeXMLText, usesNestedXML, valueToXML, xmlSchemaText } from './xml/xml-structure.js'

type SchemaRecord = Readonly<Record<string, unknown>>

/** How one output field is read from XML: its schema options and `$defs`. */
interface XMLFieldPlan {
  readonly field: SignatureField
  readonly candidates: readonly SchemaRecord[]
  readonly definitions: Readonly<Record<string, SchemaRecord>>
}

/**
 * DSPy's XML format: each field as `<name>\n...\n</name>`; list, dict and model outputs as nested XML
 * (`<tags><item>...</item></tags>`); no completed marker. Replies are read with a small XML reader
 * that behaves like Python's ElementTree (and reports errors as expat does). Falls back to the JSON
 * adapter like the {@link ChatAdapter}.
 *
 * @example
 * ```ts
 * new XMLAdapter().parse(Signature.parse('question -> answer'), '<answer>Paris</answer>') // { answer: 'Paris' }
 * ```
 * @see dspy.XMLAdapter
 */
export class XMLAdapter extends ChatAdapter {
  /** Every field's tag with its placeholder, or its nested skeleton. @see dspy.XMLAdapter.format_field_structure */
  override formatFieldStructure(signature: AnySignature): string {
    const format = (field: SignatureField): string =>
      field.direction === 'output' && usesNestedXML(field.type)
        ? xmlSchemaText(field.name, field.type)
        : this.formatXMLFields([[field, translateFieldType(field)]])
    const blocks = [signature.inputFields, signature.outputFields].map((fields) => fields.map(format).join('\n\n'))
    return ['All interactions will be structured in the following way, with the appropriate values filled in.', ...blocks].join('\n\n')
  }

  /** @see dspy.XMLAdapter.format_user_message_content */
  override formatUserMessageContent(signature: AnySignature, inputs: FieldValues, options: UserMessageOptions = {}): string {
    const fields = signature.inputFields.filter((field) => hasValue(inputs, field.name)).map((field) => [field, inputs[field.name]] as const)
    const parts = [options.prefix ?? '', this.formatXMLFields(fields)]
    if (options.mainRequest === true) parts.push(this.outputRequirements(signature))
    parts.push(options.suffix ?? '')
    return pythonStrip(parts.join('\n\n'))
  }

  /** @see dspy.XMLAdapter.format_assistant_message_content */
  override formatAssistantMessageContent(signature: AnySignature, outputs: FieldValues, missingFieldMessage?: string): string {
    const missing = missingFieldMessage ?? null
    return this.formatXMLFields(signature.outputFields.map((field) => [field, hasValue(outputs, field.name) ? outputs[field.name] : missing]))
  }

  /** @see dspy.XMLAdapter.user_message_output_requirements */
  override userMessageOutputRequirements(signature: AnySignature): string {
    const fields = signature.outputFields.map((field) => `\`<${field.name}>\``).join(', then ')
    const schemas = signature.outputFields.filter((field) => usesNestedXML(field.type)).map((field) => xmlSchemaText(field.name, field.type))
    const nested = schemas.length > 0 ? ` Use this nested XML structure: ${schemas.join(' ')}` : ''
    return `Respond with the corresponding output fields wrapped in XML tags ${fields}.${nested}`
  }

  /**
   * The outputs in top-level tags: each field's elements are read as its JSON Schema says (each
   * `anyOf` option in turn), then parsed by its type; optional outputs take their defaults.
   *
   * @throws {AdapterParseError} carrying the whole reply, for XML that is not well-formed or nests
   *   elements more than 1,000 levels deep (`Failed to parse XML: ...`, the `XMLSyntaxError` as cause),
   *   a value that does not fit its field (or nests JSON more than 1,000 levels deep), or a missing output.
   * @see dspy.XMLAdapter.parse
   */
  override parse(signature: AnySignature, completion: string): AdapterOutputs {
    let root: ReturnType<typeof readXML>
    try {
      root = readXML(`<dspy_root>${completion}</dspy_root>`)
    } catch (error) {
      if (!XMLSyntaxError.isInstance(error)) throw error
      throw new AdapterParseError({
        adapterName: 'XMLAdapter',
        signature,
        lmResponse: completion,
        message: `Failed to parse XML: ${error.message}`,
        cause: error,
      })
    }
    const elements = groupXMLChildren(root)
    const fields: AdapterOutputs = {}
    for (const { field, candidates, definitions } of this.parsePlan(signature)) {
      const found = elements.get(field.name)
      if (found === undefined) continue
      let value: unknown = null
      let failure: unknown
      let parsed = false
      for (const candidate of candidates) {
        try {
          value = xmlElementsToValue(found, candidate, definitions)
          fields[field.name] = parseXMLFieldValue(value, field)
          parsed = true
          break
        } catch (error) {
          failure = error
        }
      }
      if (!parsed) {
        throw new AdapterParseError({
          adapterName: 'XMLAdapter',
          signature,
          lmResponse: completion,
          message: `Failed to parse field ${fieldInfoRepr(field)} with value ${pythonStr(value)}: ${errorText(failure)}`,
          fieldName: field.name,
          parsedResult: { ...fields },
          listParsedFields: false,
          cause: failure,
        })
      }
    }
    return completeOutputs('XMLAdapter', signature, completion, fields)
  }

  /** Fields with values as XML, joined by blank lines. @see dspy.XMLAdapter.format_field_with_value */
  protected formatXMLFields(entries: readonly (readonly [SignatureField, unknown])[]): string {
    const parts = entries.map(([field, value]) => {
      const isOutput = field.direction === 'output'
      if (isOutput && usesNestedXML(field.type)) {
        const serialized = serializeForJSON(value, field.schema)
        if (typeof serialized.value === 'object' && serialized.value !== null) {
          return valueToXML(serialized.value, field.name, serialized.floatPaths)
        }
      }
      let formatted = formatFieldValue(value, field.schema)
      if (isOutput && field.type.kind === 'str') formatted = escapeXMLText(formatted)
      return `<${field.name}>\n${formatted}\n</${field.name}>`
    })
    return pythonStrip(parts.join('\n\n'))
  }

  /** The schema options of each output field, made once per signature. */
  private parsePlan(signature: AnySignature): readonly XMLFieldPlan[] {
    return this.cached(signature, 'xml-parse-plan', () =>
      signature.outputFields.map((field) => {
        const schema = typeNodePydanticJSONSchema(field.type) as SchemaRecord
        const options = Array.isArray(schema.anyOf) ? (schema.anyOf as SchemaRecord[]) : []
        return { field, candidates: [schema, ...options], definitions: definitionsOf(schema) }
      }),
    )
  }
}

/**
 * DSPy's `parse_value`, then, when that fails validation (not an enum or `Literal` mismatch, nor text
 * nested too deep to read), pydantic's lax validation of the value as it is.
 */
function parseXMLFieldValue(value: unknown, field: SignatureField): unknown {
  try {
    return parseValue(value, field.schema)
  } catch (error) {
    if (!ValueParseError.isInstance(error) || error.code === 'value-parse-too-deep') throw error
    if (field.type.kind === 'enum' || field.type.kind === 'literal') throw error
    return coerceValue(value, field.type)
  }
}
