import { deepFreezeJSON, type JSONSchemaObject } from './json-schema-object.js'
import {
  defaultStructuredOutputName,
  StructuredOutputCache,
  type StructuredOutputFields,
  type StructuredOutputSchemaOptions,
  structuredOutputPydanticSchema,
} from './structured-output-schema.js'

const cache = new StructuredOutputCache<JSONSchemaObject>()

/**
 * The `input_schema` of an Anthropic tool whose arguments are a signature's output fields (the
 * way to get structured output from Claude): a plain JSON Schema object, `"type": "object"` at
 * the top, every output field required, no other properties allowed, nested models and enums in
 * `$defs`. It is DSPy's pydantic schema of the outputs unchanged, since Claude's tool schemas
 * accept the JSON Schema pydantic writes (`anyOf`, `$ref`, `prefixItems`, open-ended `dict`s).
 * Cached per fields object and name; frozen.
 *
 * @throws {TypeDefinitionError} when a field type has no DSPy meaning.
 * @example
 * ```ts
 * const tool = { name: 'json_tool_call', input_schema: anthropicInputSchema({ answer: t.string() }) }
 * ```
 */
export function anthropicInputSchema(fields: StructuredOutputFields, options: StructuredOutputSchemaOptions = {}): JSONSchemaObject {
  const name = options.name ?? defaultStructuredOutputName
  return cache.get(fields, name, () => deepFreezeJSON(structuredOutputPydanticSchema(fields, name)))
}
