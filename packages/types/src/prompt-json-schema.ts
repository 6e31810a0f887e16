import type { TSchema } from 'typebox'
import { compareCodePoints } from './compare-code-points.js'
import { describeType } from './describe-type.js'
import { jsonSchemaFloatDefaults } from './json-schema-float-defaults.js'
import { deepFreezeJSON, type JSONSchemaObject } from './json-schema-object.js'
import { typeNodePydanticJSONSchema } from './pydantic-json-schema.js'
import { pythonJSONDumps } from './python-json-dumps.js'
import type { TypeNode } from './type-node.js'

const schemas = new WeakMap<TypeNode, JSONSchemaObject>()
const texts = new WeakMap<TypeNode, string>()

/**
 * The JSON Schema DSPy shows in prompts for a type: pydantic's schema with every object's keys
 * sorted alphabetically except `type`, which comes first, at every depth (inside `properties`,
 * `$defs` and default values too); lists keep their order. Frozen and cached per type.
 *
 * @throws {TypeDefinitionError} as {@link pydanticJSONSchema} does.
 * @see dspy.adapters.utils._get_json_schema
 */
export function promptJSONSchema(schema: TSchema): JSONSchemaObject {
  return typeNodePromptJSONSchema(describeType(schema))
}

/** {@link promptJSONSchema} for an already described type. */
export function typeNodePromptJSONSchema(node: TypeNode): JSONSchemaObject {
  const cached = schemas.get(node)
  if (cached !== undefined) return cached
  const result = deepFreezeJSON(moveTypeToFront(typeNodePydanticJSONSchema(node)) as JSONSchemaObject)
  schemas.set(node, result)
  return result
}

/**
 * The text DSPy puts after `# note: the value you produce must adhere to the JSON schema: `:
 * {@link promptJSONSchema} written by Python's `json.dumps(schema, ensure_ascii=False)`. Cached per type.
 *
 * @throws {TypeDefinitionError} as {@link pydanticJSONSchema} does.
 * @example
 * ```ts
 * promptJSONSchemaText(t.dict(t.integer())) // '{"type": "object", "additionalProperties": {"type": "integer"}}'
 * ```
 * @see dspy.adapters.utils.translate_field_type
 */
export function promptJSONSchemaText(schema: TSchema): string {
  return typeNodePromptJSONSchemaText(describeType(schema))
}

/** {@link promptJSONSchemaText} for an already described type. */
export function typeNodePromptJSONSchemaText(node: TypeNode): string {
  const cached = texts.get(node)
  if (cached !== undefined) return cached
  const schema = typeNodePromptJSONSchema(node)
  const text = pythonJSONDumps(schema, { floatPaths: jsonSchemaFloatDefaults(schema) })
  texts.set(node, text)
  return text
}

function moveTypeToFront(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(moveTypeToFront)
  if (typeof value !== 'object' || value === null) return value
  const record = value as Readonly<Record<string, unknown>>
  const keys = Object.keys(record).sort((left, right) =>
    left === 'type' ? (right === 'type' ? 0 : -1) : right === 'type' ? 1 : compareCodePoints(left, right),
  )
  const result: Record<string, unknown> = {}
  for (const key of keys) result[key] = moveTypeToFront(record[key])
  return result
}
