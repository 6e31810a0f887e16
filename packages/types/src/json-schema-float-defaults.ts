import type { JSONSchemaObject } from './json-schema-object.js'

type SchemaRecord = Readonly<Record<string, unknown>>

/** Keys whose values are data, not schemas: never searched for nested `default`s. */
const dataKeywords: ReadonlySet<string> = new Set(['default', 'enum', 'const', 'examples'])

/**
 * The JSON pointers (in {@link pythonJSONDumps}'s `floatPaths` form, e.g. `/properties/f/default`)
 * of the integral numbers inside `default` values whose schema only allows floats. A Python
 * default for a `float` field is written `1.0`; JavaScript cannot tell `1` from `1.0`, so DSPex
 * assumes the default was given as a float, as the field's type says.
 *
 * @example
 * ```ts
 * jsonSchemaFloatDefaults({ properties: { f: { default: 1, type: 'number' } } }) // Set { '/properties/f/default' }
 * ```
 */
export function jsonSchemaFloatDefaults(schema: JSONSchemaObject): ReadonlySet<string> {
  const found = new Set<string>()
  visit(schema, '', schema, found)
  return found
}

/** Keys whose values map names to schemas. */
const schemaMaps: ReadonlySet<string> = new Set(['properties', '$defs', 'patternProperties'])

function visit(value: unknown, pointer: string, root: SchemaRecord, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) visit(item, `${pointer}/${index}`, root, found)
    return
  }
  if (typeof value !== 'object' || value === null) return
  const schema = value as SchemaRecord
  if ('default' in schema) markFloats(schema, schema.default, `${pointer}/default`, root, found)
  for (const [key, child] of Object.entries(schema)) {
    if (dataKeywords.has(key)) continue
    if (schemaMaps.has(key) && typeof child === 'object' && child !== null) {
      for (const [name, member] of Object.entries(child)) visit(member, `${pointer}/${key}/${name}`, root, found)
    } else {
      visit(child, `${pointer}/${key}`, root, found)
    }
  }
}

function resolve(schema: unknown, root: SchemaRecord): SchemaRecord | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined
  const record = schema as SchemaRecord
  if (typeof record.$ref !== 'string' || !record.$ref.startsWith('#/$defs/')) return record
  const definitions = root.$defs as Record<string, SchemaRecord> | undefined
  return definitions?.[record.$ref.slice('#/$defs/'.length)]
}

/** The options of a schema: its `anyOf` members, or itself. */
function options(schema: SchemaRecord, root: SchemaRecord): SchemaRecord[] {
  const members = Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]) : [schema]
  return members.map((member) => resolve(member, root)).filter((member) => member !== undefined)
}

function markFloats(schemaValue: unknown, value: unknown, pointer: string, root: SchemaRecord, found: Set<string>): void {
  const schema = resolve(schemaValue, root)
  if (schema === undefined) return
  const choices = options(schema, root)
  if (typeof value === 'number') {
    const floatOnly = choices.some((choice) => choice.type === 'number') && !choices.some((c) => c.type === 'integer')
    if (floatOnly && Number.isInteger(value)) found.add(pointer)
    return
  }
  if (Array.isArray(value)) {
    const arraySchema = choices.find((choice) => choice.type === 'array')
    if (arraySchema === undefined) return
    const prefix = Array.isArray(arraySchema.prefixItems) ? (arraySchema.prefixItems as unknown[]) : []
    for (const [index, item] of value.entries()) {
      markFloats(prefix[index] ?? arraySchema.items, item, `${pointer}/${index}`, root, found)
    }
    return
  }
  if (typeof value === 'object' && value !== null) {
    const objectSchema = choices.find((choice) => choice.type === 'object')
    if (objectSchema === undefined) return
    const properties = (objectSchema.properties ?? {}) as Record<string, unknown>
    for (const [key, item] of Object.entries(value)) {
      markFloats(properties[key] ?? objectSchema.additionalProperties, item, `${pointer}/${key}`, root, found)
    }
  }
}
