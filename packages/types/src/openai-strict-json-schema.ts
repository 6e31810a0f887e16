import { StructuredOutputSchemaError } from './errors/structured-output-schema-error.js'
import { deepFreezeJSON, type JSONSchemaObject } from './json-schema-object.js'
import {
  defaultStructuredOutputName,
  StructuredOutputCache,
  type StructuredOutputFields,
  type StructuredOutputSchemaOptions,
  structuredOutputPydanticSchema,
} from './structured-output-schema.js'

type MutableSchema = Record<string, unknown>

/** OpenAI's `response_format.json_schema` for strict structured outputs. */
export interface OpenAIStrictJSONSchema {
  /** The response format's name (letters, digits, `_` and `-`, at most 64 characters). */
  readonly name: string
  readonly strict: true
  readonly schema: JSONSchemaObject
}

/** Keywords strict mode accepts, by the type they apply to (`*` for any). */
const allowedKeywords: Readonly<Record<string, ReadonlySet<string>>> = {
  '*': new Set(['type', 'title', 'description', 'enum', 'const', 'anyOf', '$ref', '$defs']),
  string: new Set(['pattern', 'format']),
  integer: new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
  number: new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
  array: new Set(['items', 'minItems', 'maxItems']),
  object: new Set(['properties', 'required', 'additionalProperties']),
}

/** Keywords strict mode rejects that only annotate or loosen a schema: dropped. */
const droppedKeywords: ReadonlySet<string> = new Set(['default', 'examples', 'uniqueItems'])

/** OpenAI's documented limits for one strict schema. */
export const openaiStrictSchemaLimits = {
  /** Object properties in the whole schema. */
  properties: 5000,
  /** Levels of object nesting. */
  nesting: 10,
  /** Enum values in the whole schema. */
  enumValues: 1000,
  /** Characters of all property names, definition names, enum and const values. */
  characters: 120_000,
} as const

const cache = new StructuredOutputCache<OpenAIStrictJSONSchema>()

/**
 * The schema for OpenAI's strict structured outputs of a signature's output fields: DSPy's
 * pydantic schema of the outputs made strict as DSPy and the OpenAI SDK make it. Every object
 * lists all its properties in `required` and has `additionalProperties: false` (in `$defs` too);
 * `Optional` stays an `anyOf` with `{"type": "null"}`; `default`, `uniqueItems` and `examples` are
 * dropped; a `$ref` with sibling keywords is replaced by the definition it names. Cached per
 * fields object and name; the result is frozen.
 *
 * @throws {StructuredOutputSchemaError} for what strict mode cannot express: an open-ended `dict`
 * (anywhere, where DSPy only checks top-level fields), `Any`, a `tuple`, a keyword outside strict
 * mode's subset, or a schema over OpenAI's size limits. Fall back to `{"type": "json_object"}`.
 * @throws {TypeDefinitionError} when a field type has no DSPy meaning.
 * @example
 * ```ts
 * const format = { type: 'json_schema', json_schema: openaiStrictJSONSchema({ answer: t.string() }) }
 * ```
 * @see dspy.adapters.json_adapter._get_structured_outputs_response_format
 */
export function openaiStrictJSONSchema(fields: StructuredOutputFields, options: StructuredOutputSchemaOptions = {}): OpenAIStrictJSONSchema {
  const name = options.name ?? defaultStructuredOutputName
  return cache.get(fields, name, () => {
    const source = structuredOutputPydanticSchema(fields, name)
    const schema = strict(source, '#', source)
    checkLimits(schema)
    return deepFreezeJSON({ name, strict: true, schema })
  })
}

function unsupported(message: string, path: string): StructuredOutputSchemaError {
  return new StructuredOutputSchemaError({
    message: `OpenAI strict structured outputs cannot express ${message} at ${path}.`,
    dialect: 'openai-strict',
    path,
  })
}

function definition(reference: string, root: JSONSchemaObject, path: string): MutableSchema {
  const definitions = root.$defs as Record<string, MutableSchema> | undefined
  const found = reference.startsWith('#/$defs/') ? definitions?.[reference.slice('#/$defs/'.length)] : undefined
  if (found === undefined) throw unsupported(`the reference ${reference}, which names no definition,`, path)
  return found
}

function strict(schema: JSONSchemaObject, path: string, root: JSONSchemaObject): MutableSchema {
  const keys = Object.keys(schema).filter((key) => !droppedKeywords.has(key))
  if (typeof schema.$ref === 'string' && keys.length > 1) {
    // Strict mode takes no keywords beside a $ref: write the definition in place, keeping ours.
    const merged: MutableSchema = { ...definition(schema.$ref, root, path), ...schema }
    delete merged.$ref
    return strict(merged, path, root)
  }
  const result: MutableSchema = {}
  for (const key of keys) {
    const value = schema[key]
    if (key === '$defs') result.$defs = strictMap(value as Record<string, JSONSchemaObject>, `${path}/$defs`, root)
    else if (key === 'anyOf') {
      result.anyOf = (value as JSONSchemaObject[]).map((member, index) => strict(member, `${path}/anyOf/${index}`, root))
    } else if (key === 'properties') result.properties = strictMap(value as Record<string, JSONSchemaObject>, `${path}/properties`, root)
    else if (key === 'items') result.items = strict(value as JSONSchemaObject, `${path}/items`, root)
    else if (key === 'prefixItems') throw unsupported('a tuple (prefixItems)', path)
    else if (key === 'additionalProperties' || key === 'required') continue
    else if (allowedKeywords['*']?.has(key) === true || allowedFor(schema.type, key)) result[key] = value
    else throw unsupported(`the keyword ${JSON.stringify(key)}`, path)
  }
  if (schema.type === 'object') return strictObject(schema, result, path)
  if (schema.type === undefined && !('anyOf' in result) && !('$ref' in result)) {
    if (Array.isArray(result.enum)) return enumByType(result)
    throw unsupported('Any (a schema without a type)', path)
  }
  return result
}

function allowedFor(type: unknown, key: string): boolean {
  return typeof type === 'string' && allowedKeywords[type]?.has(key) === true
}

function strictMap(map: Record<string, JSONSchemaObject>, path: string, root: JSONSchemaObject): MutableSchema {
  const result: MutableSchema = {}
  for (const [name, member] of Object.entries(map)) result[name] = strict(member, `${path}/${name}`, root)
  return result
}

/** An object: all properties required, nothing else allowed. An open-ended mapping has no strict form. */
function strictObject(source: JSONSchemaObject, result: MutableSchema, path: string): MutableSchema {
  const properties = (result.properties ?? {}) as MutableSchema
  const hasProperties = Object.keys(properties).length > 0
  if (!hasProperties && source.additionalProperties !== undefined && source.additionalProperties !== false) {
    throw unsupported('an open-ended mapping (dict), which has no fixed properties,', path)
  }
  result.properties = properties
  result.required = Object.keys(properties)
  result.additionalProperties = false
  return result
}

/** A `Literal` of mixed types (no single `type`): one `anyOf` member per JSON type. */
function enumByType(schema: MutableSchema): MutableSchema {
  const groups = new Map<string, unknown[]>()
  for (const value of schema.enum as unknown[]) {
    const type = value === null ? 'null' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value
    groups.set(type, [...(groups.get(type) ?? []), value])
  }
  const { enum: _values, ...annotations } = schema
  const anyOf = [...groups].map(([type, values]) => (type === 'null' ? { type } : { type, enum: values }))
  return { ...annotations, anyOf }
}

/** Checks OpenAI's documented size limits. */
function checkLimits(schema: MutableSchema): void {
  const totals = { properties: 0, enumValues: 0, characters: 0 }
  const definitions = (schema.$defs ?? {}) as Record<string, MutableSchema>
  for (const name of Object.keys(definitions)) totals.characters += name.length
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item)
      return
    }
    if (typeof value !== 'object' || value === null) return
    const record = value as MutableSchema
    if (typeof record.properties === 'object' && record.properties !== null) {
      const names = Object.keys(record.properties)
      totals.properties += names.length
      totals.characters += names.reduce((sum, name) => sum + name.length, 0)
    }
    if (Array.isArray(record.enum)) {
      totals.enumValues += record.enum.length
      totals.characters += record.enum.reduce((sum: number, item: unknown) => sum + String(item).length, 0)
    }
    if (typeof record.const === 'string') totals.characters += record.const.length
    for (const [key, child] of Object.entries(record)) if (key !== 'enum' && key !== 'const') walk(child)
  }
  walk(schema)
  const depth = nestingDepth(schema, schema, new Set())
  const over = (Object.keys(totals) as (keyof typeof totals)[]).find((key) => totals[key] > openaiStrictSchemaLimits[key])
  if (over !== undefined) {
    throw unsupported(`a schema this large (${totals[over]} ${over}, limit ${openaiStrictSchemaLimits[over]})`, '#')
  }
  if (depth > openaiStrictSchemaLimits.nesting) {
    throw unsupported(`${depth} levels of nesting (limit ${openaiStrictSchemaLimits.nesting})`, '#')
  }
}

/** Levels of objects from `schema` down, following `$ref`s. */
function nestingDepth(schema: unknown, root: MutableSchema, visiting: Set<string>): number {
  if (Array.isArray(schema)) return Math.max(0, ...schema.map((item) => nestingDepth(item, root, visiting)))
  if (typeof schema !== 'object' || schema === null) return 0
  const record = schema as MutableSchema
  if (typeof record.$ref === 'string') {
    if (visiting.has(record.$ref)) return 0
    const target = (root.$defs as Record<string, unknown> | undefined)?.[record.$ref.slice('#/$defs/'.length)]
    return nestingDepth(target, root, new Set([...visiting, record.$ref]))
  }
  let deepest = 0
  for (const [key, child] of Object.entries(record)) {
    if (key === '$defs' || key === 'enum' || key === 'const') continue
    if (key === 'properties' && typeof child === 'object' && child !== null) {
      for (const member of Object.values(child)) deepest = Math.max(deepest, nestingDepth(member, root, visiting))
    } else deepest = Math.max(deepest, nestingDepth(child, root, visiting))
  }
  return record.type === 'object' ? deepest + 1 : deepest
}
