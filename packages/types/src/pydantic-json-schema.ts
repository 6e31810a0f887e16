import type { TSchema } from 'typebox'
import { describeType } from './describe-type.js'
import { TypeDefinitionError } from './errors/type-definition-error.js'
import { deepFreezeJSON, type JSONSchemaObject } from './json-schema-object.js'
import { maxNestingDepth } from './nesting-depth.js'
import { pydanticFieldTitle } from './pydantic-field-title.js'
import { sortPydanticKeys } from './pydantic-sort-keys.js'
import { specialTypeJSONSchema } from './special-types/special-type-json-schema.js'
import type { EnumNode, LiteralValue, ModelField, ModelNode, SpecialNode, TypeNode } from './type-node.js'

type MutableSchema = Record<string, unknown>

/** A schema placed in `$defs`, with the type it came from (to tell two types of the same name apart). */
interface Definition {
  readonly source: TypeNode
  readonly schema: MutableSchema
}

/** The `$defs` collected while one schema is generated. */
type Definitions = Map<string, Definition>

const cache = new WeakMap<TypeNode, JSONSchemaObject>()

/**
 * The JSON Schema pydantic 2 (`TypeAdapter(T).json_schema()`) produces for the DSPy type a TypeBox
 * schema stands for: field titles, `$defs`/`$ref` for named models and enums, `anyOf` for unions
 * and `Optional`, `prefixItems` for tuples, `additionalProperties` for dicts, keys ordered as
 * pydantic orders them. The result is frozen and cached per schema; DSPex's own `x-dspy` metadata
 * and TypeBox's keys never appear in it.
 *
 * A model without a name (a TypeBox object without `title`) is written inline, since it cannot be
 * referenced by name.
 *
 * @throws {TypeDefinitionError} when the schema has no DSPy meaning, when two different models or
 * enums share a name, or when a default value cannot be written as JSON.
 * @throws {SpecialTypeError} for `dspy.Tool`, which has no JSON Schema.
 * @example
 * ```ts
 * pydanticJSONSchema(t.list(t.string())) // { items: { type: 'string' }, type: 'array' }
 * ```
 * @see pydantic.TypeAdapter.json_schema
 */
export function pydanticJSONSchema(schema: TSchema): JSONSchemaObject {
  return typeNodePydanticJSONSchema(describeType(schema))
}

/** {@link pydanticJSONSchema} for an already described type. Cached per node. */
export function typeNodePydanticJSONSchema(node: TypeNode): JSONSchemaObject {
  const cached = cache.get(node)
  if (cached !== undefined) return cached
  const definitions: Definitions = new Map()
  const root = rootSchema(node, definitions)
  if (definitions.size > 0) {
    root.$defs = Object.fromEntries([...definitions].map(([name, definition]) => [name, definition.schema]))
  }
  const result = deepFreezeJSON(sortPydanticKeys(root) as JSONSchemaObject)
  cache.set(node, result)
  return result
}

/** The top-level type is written in place, even when it is a model or an enum. */
function rootSchema(node: TypeNode, definitions: Definitions): MutableSchema {
  if (node.kind === 'model') return modelSchema(node, definitions)
  if (node.kind === 'enum') return enumSchema(node)
  if (node.kind === 'special') return specialSchema(node, definitions, true)
  return generate(node, definitions)
}

function generate(node: TypeNode, definitions: Definitions): MutableSchema {
  switch (node.kind) {
    case 'str':
      return { type: 'string' }
    case 'int':
      return { type: 'integer' }
    case 'float':
      return { type: 'number' }
    case 'bool':
      return { type: 'boolean' }
    case 'none':
      return { type: 'null' }
    case 'any':
      return {}
    case 'literal':
      return literalSchema(node.values)
    case 'enum':
      return reference(node.name, node, () => enumSchema(node), definitions)
    case 'list':
      return node.unique
        ? { type: 'array', uniqueItems: true, items: generate(node.items, definitions) }
        : { type: 'array', items: generate(node.items, definitions) }
    case 'tuple':
      return node.items.length === 0
        ? { type: 'array', minItems: 0, maxItems: 0 }
        : {
            type: 'array',
            prefixItems: node.items.map((item) => generate(item, definitions)),
            minItems: node.items.length,
            maxItems: node.items.length,
          }
    case 'dict':
      return {
        type: 'object',
        additionalProperties: node.values.kind === 'any' ? true : generate(node.values, definitions),
      }
    case 'union':
      return unionSchema(node.options, definitions)
    case 'model':
      return node.name === undefined ? modelSchema(node, definitions) : reference(node.name, node, () => modelSchema(node, definitions), definitions)
    case 'special':
      return specialSchema(node, definitions, false)
  }
}

/** The Python type of a literal value, as pydantic names it in `type`. */
function literalJSONType(value: LiteralValue): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'string') return 'string'
  return Number.isInteger(value) ? 'integer' : 'number'
}

/** `Literal[...]`: `const` for one value, `enum` for several; `type` only when all values share one. */
function literalSchema(values: readonly LiteralValue[]): MutableSchema {
  const distinct = values.filter((value, index) => values.indexOf(value) === index)
  const schema: MutableSchema = distinct.length === 1 ? { const: distinct[0] } : { enum: distinct }
  const types = new Set(distinct.map(literalJSONType))
  if (types.size === 1) schema.type = [...types][0]
  return schema
}

function enumSchema(node: EnumNode): MutableSchema {
  const schema: MutableSchema = { title: node.name }
  if (node.description !== undefined && node.description !== '') schema.description = node.description
  const values = node.members.map((member) => member.value)
  schema.enum = values
  const types = new Set(values.map(literalJSONType))
  if (types.size === 1) schema.type = [...types][0]
  return schema
}

/**
 * A union: each option's schema, `None` moved to the end, nested `anyOf`s flattened and duplicates
 * dropped (pydantic's nullable and union schemas).
 */
function unionSchema(options: readonly TypeNode[], definitions: Definitions): MutableSchema {
  const nonNull = options.filter((option) => option.kind !== 'none')
  const members = nonNull.map((option) => generate(option, definitions))
  if (nonNull.length < options.length) members.push({ type: 'null' })
  const flattened: MutableSchema[] = []
  const seen = new Set<string>()
  for (const member of members) {
    const parts = Object.keys(member).length === 1 && Array.isArray(member.anyOf) ? (member.anyOf as MutableSchema[]) : [member]
    for (const part of parts) {
      const key = JSON.stringify(part)
      if (seen.has(key)) continue
      seen.add(key)
      flattened.push(part)
    }
  }
  if (flattened.length === 1) return flattened[0] as MutableSchema
  return { anyOf: flattened }
}

function modelSchema(node: ModelNode, definitions: Definitions): MutableSchema {
  const properties: MutableSchema = {}
  const required: string[] = []
  for (const field of node.fields) {
    properties[field.name] = fieldSchema(field, node, definitions)
    if (field.required) required.push(field.name)
  }
  const schema: MutableSchema = { type: 'object', properties }
  if (required.length > 0) schema.required = required
  if (node.name !== undefined) schema.title = node.name
  if (node.description !== undefined && node.description !== '') schema.description = node.description
  return schema
}

/** A model field: its type's schema, then `default`, `description` and (unless the type is referenced) `title`. */
function fieldSchema(field: ModelField, model: ModelNode, definitions: Definitions): MutableSchema {
  const schema: MutableSchema = { ...generate(field.type, definitions) }
  if (field.hasDefault) schema.default = jsonDefault(field.defaultValue, `${model.name ?? 'model'}.${field.name}`)
  if (field.description !== undefined && !isOwnDescription(field)) schema.description = field.description
  if (titleShouldBeSet(field.type)) schema.title = pydanticFieldTitle(field.name)
  return schema
}

/**
 * True when a field's description is the docstring of its model or enum type: a TypeBox property
 * that is the model's own schema carries the model's `description`, which is not a field description.
 */
function isOwnDescription(field: ModelField): boolean {
  const type = field.type
  return (type.kind === 'model' || type.kind === 'enum') && type.description === field.description
}

/** Pydantic gives a field a title unless its type brings its own: a model or enum, possibly `Optional`. */
function titleShouldBeSet(node: TypeNode): boolean {
  switch (node.kind) {
    case 'model':
    case 'enum':
      return false
    case 'special':
      return !isReferenced(specialParts(node).schema)
    case 'union': {
      const nonNull = node.options.filter((option) => option.kind !== 'none')
      if (nonNull.length === 1 && nonNull[0] !== undefined) return titleShouldBeSet(nonNull[0])
      return true
    }
    default:
      return true
  }
}

/** A default value as JSON (a `Set` becomes a list, objects keep their key order), at most 1,000 levels deep. */
function jsonDefault(value: unknown, where: string, depth = 0): unknown {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value
  if (typeof value === 'object' && depth >= maxNestingDepth) {
    throw new TypeDefinitionError({
      message: `The default value of ${where} nests more than ${maxNestingDepth} levels deep (or contains itself).`,
      path: where,
    })
  }
  if (Array.isArray(value)) return value.map((item: unknown) => jsonDefault(item, where, depth + 1))
  if (value instanceof Set) return [...value].map((item: unknown) => jsonDefault(item, where, depth + 1))
  if (typeof value === 'object') {
    const withJSON = value as { toJSON?: () => unknown }
    if (typeof withJSON.toJSON === 'function') return jsonDefault(withJSON.toJSON(), where, depth + 1)
    const result: MutableSchema = {}
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) result[key] = jsonDefault(item, where, depth + 1)
    }
    return result
  }
  throw new TypeDefinitionError({
    message: `The default value of ${where} (a ${typeof value}) cannot be written as JSON.`,
    path: where,
  })
}

/** Puts a named schema in `$defs` (once) and returns a `$ref` to it. */
function reference(name: string, source: TypeNode, build: () => MutableSchema, definitions: Definitions): MutableSchema {
  const existing = definitions.get(name)
  if (existing === undefined || existing.source !== source) define(name, source, build(), definitions)
  return { $ref: `#/$defs/${name}` }
}

/** Adds a `$defs` entry; a second, different type under the same name is an error. */
function define(name: string, source: TypeNode, schema: MutableSchema, definitions: Definitions): void {
  const existing = definitions.get(name)
  if (existing !== undefined && canonical(existing.schema) !== canonical(schema)) {
    throw new TypeDefinitionError({
      message: `Two different types are named ${JSON.stringify(name)}; a JSON Schema needs distinct names for its $defs.`,
      path: `#/$defs/${name}`,
    })
  }
  if (existing === undefined) definitions.set(name, { source, schema })
}

function canonical(schema: MutableSchema): string {
  return JSON.stringify(sortPydanticKeys(schema))
}

/** DSPy's schema of a special type, split into its own `$defs` and the rest. */
function specialParts(node: SpecialNode): { schema: MutableSchema; definitions: Record<string, MutableSchema> } {
  const raw: unknown = specialTypeJSONSchema(node)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new TypeDefinitionError({ message: `DSPy type ${node.name} has no JSON Schema.`, path: node.name })
  }
  const { $defs, ...schema } = structuredClone(raw) as MutableSchema
  const definitions = typeof $defs === 'object' && $defs !== null ? ($defs as Record<string, MutableSchema>) : {}
  return { schema, definitions }
}

/** Special types that are pydantic models (a titled object with properties) go to `$defs` like models. */
function isReferenced(schema: MutableSchema): boolean {
  return schema.type === 'object' && typeof schema.title === 'string' && typeof schema.properties === 'object'
}

function specialSchema(node: SpecialNode, definitions: Definitions, isRoot: boolean): MutableSchema {
  const parts = specialParts(node)
  for (const [name, schema] of Object.entries(parts.definitions)) define(name, node, schema, definitions)
  if (isRoot || !isReferenced(parts.schema)) return parts.schema
  const name = parts.schema.title as string
  define(name, node, parts.schema, definitions)
  return { $ref: `#/$defs/${name}` }
}
