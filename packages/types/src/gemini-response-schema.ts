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

/** Keywords copied as they are: annotations and constraints Gemini's `Schema` object has. */
const copiedKeywords: readonly string[] = [
  'format',
  'title',
  'description',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
]

/** Keywords Gemini's `Schema` lacks that only annotate or loosen a schema: dropped. */
const droppedKeywords: ReadonlySet<string> = new Set(['default', 'examples', 'uniqueItems', '$defs', 'additionalProperties'])

/** Keywords rewritten by the conversion itself. */
const convertedKeywords: ReadonlySet<string> = new Set(['type', '$ref', 'anyOf', 'const', 'enum', 'properties', 'required', 'items', 'prefixItems'])

const cache = new StructuredOutputCache<JSONSchemaObject>()

/**
 * Gemini's `generationConfig.responseSchema` for a signature's output fields: the subset of
 * OpenAPI 3.0 Gemini reads. `$ref`s are replaced by their definitions, `Optional[T]` becomes T
 * with `nullable: true`, a `Literal` of one string becomes a one-value `enum`, every object lists
 * its `propertyOrdering` (declaration order, so answers come back in field order), and `default`,
 * `uniqueItems` and `additionalProperties` are dropped. Cached per fields object and name; frozen.
 *
 * @throws {StructuredOutputSchemaError} for what the subset cannot express: an open-ended `dict`
 * or an object without properties, `Any`, a `tuple`, an enum or `Literal` of non-strings, a field
 * that can only be `None`, or a keyword outside the subset.
 * @throws {TypeDefinitionError} when a field type has no DSPy meaning.
 * @example
 * ```ts
 * const generationConfig = { responseMimeType: 'application/json', responseSchema: geminiResponseSchema(fields) }
 * ```
 */
export function geminiResponseSchema(fields: StructuredOutputFields, options: StructuredOutputSchemaOptions = {}): JSONSchemaObject {
  const name = options.name ?? defaultStructuredOutputName
  return cache.get(fields, name, () => {
    const source = structuredOutputPydanticSchema(fields, name)
    return deepFreezeJSON(convert(source, '#', source))
  })
}

function unsupported(message: string, path: string): StructuredOutputSchemaError {
  return new StructuredOutputSchemaError({
    message: `Gemini's response schema cannot express ${message} at ${path}.`,
    dialect: 'gemini',
    path,
  })
}

/** A schema with its `$ref` replaced by the definition (the schema's own keywords win). */
function resolve(schema: JSONSchemaObject, root: JSONSchemaObject, path: string): JSONSchemaObject {
  if (typeof schema.$ref !== 'string') return schema
  const definitions = root.$defs as Record<string, JSONSchemaObject> | undefined
  const name = schema.$ref.startsWith('#/$defs/') ? schema.$ref.slice('#/$defs/'.length) : undefined
  const found = name === undefined ? undefined : definitions?.[name]
  if (found === undefined) throw unsupported(`the reference ${schema.$ref}, which names no definition,`, path)
  const { $ref: _reference, ...own } = schema
  return resolve({ ...found, ...own }, root, path)
}

function convert(original: JSONSchemaObject, path: string, root: JSONSchemaObject): MutableSchema {
  const schema = resolve(original, root, path)
  for (const key of Object.keys(schema)) {
    if (!droppedKeywords.has(key) && !convertedKeywords.has(key) && !copiedKeywords.includes(key)) {
      throw unsupported(`the keyword ${JSON.stringify(key)}`, path)
    }
  }
  if (Array.isArray(schema.anyOf)) return convertUnion(schema, schema.anyOf as JSONSchemaObject[], path, root)
  const result: MutableSchema = {}
  if ('const' in schema) {
    if (typeof schema.const !== 'string') throw unsupported(`the non-string literal ${JSON.stringify(schema.const)}`, path)
    result.type = 'string'
    result.enum = [schema.const]
  } else if (Array.isArray(schema.enum)) {
    if (schema.type !== 'string') throw unsupported('an enum or Literal of values that are not all strings', path)
    result.type = 'string'
    result.enum = schema.enum
  } else {
    result.type = convertType(schema.type, path)
  }
  copyAnnotations(schema, result)
  if (result.type === 'object') convertObject(schema, result, path, root)
  if (result.type === 'array') {
    if ('prefixItems' in schema) throw unsupported('a tuple (prefixItems)', path)
    result.items = convert((schema.items ?? {}) as JSONSchemaObject, `${path}/items`, root)
  }
  return result
}

function convertType(type: unknown, path: string): string {
  if (type === undefined) throw unsupported('Any (a schema without a type)', path)
  if (type === 'null') throw unsupported('a value that can only be None', path)
  if (typeof type !== 'string') throw unsupported(`the type ${JSON.stringify(type)}`, path)
  return type
}

function copyAnnotations(schema: JSONSchemaObject, result: MutableSchema): void {
  for (const key of copiedKeywords) if (schema[key] !== undefined) result[key] = schema[key]
}

/**
 * `anyOf` without its `null` member, which becomes `nullable: true` (on each member when several
 * remain); a single member is written in place.
 */
function convertUnion(schema: JSONSchemaObject, members: JSONSchemaObject[], path: string, root: JSONSchemaObject): MutableSchema {
  const resolved = members.map((member, index) => resolve(member, root, `${path}/anyOf/${index}`))
  const nonNull = resolved.filter((member) => member.type !== 'null')
  const nullable = nonNull.length < resolved.length
  if (nonNull.length === 0) throw unsupported('a value that can only be None', path)
  const converted = nonNull.map((member, index) => convert(member, `${path}/anyOf/${index}`, root))
  if (converted.length === 1) {
    const result: MutableSchema = { ...converted[0] }
    copyAnnotations(schema, result)
    if (nullable) result.nullable = true
    return result
  }
  // OpenAPI 3.0 reads `nullable` only beside a `type`: each member says it may be null.
  const result: MutableSchema = { anyOf: nullable ? converted.map((member) => ({ ...member, nullable: true })) : converted }
  copyAnnotations(schema, result)
  return result
}

function convertObject(schema: JSONSchemaObject, result: MutableSchema, path: string, root: JSONSchemaObject): void {
  const properties = (schema.properties ?? {}) as Record<string, JSONSchemaObject>
  const names = Object.keys(properties)
  if (names.length === 0) {
    throw unsupported(
      schema.additionalProperties === undefined || schema.additionalProperties === false
        ? 'an object without properties'
        : 'an open-ended mapping (dict)',
      path,
    )
  }
  const converted: MutableSchema = {}
  for (const name of names) converted[name] = convert(properties[name] as JSONSchemaObject, `${path}/properties/${name}`, root)
  result.properties = converted
  if (Array.isArray(schema.required) && schema.required.length > 0) result.required = schema.required
  result.propertyOrdering = names
}
