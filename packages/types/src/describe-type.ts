import type { TSchema } from 'typebox'
import { TypeDefinitionError } from './errors/type-definition-error.js'
import { readTypeMetadata } from './type-metadata.js'
import type { EnumMember, LiteralValue, ModelField, TypeNode } from './type-node.js'

const described = new WeakMap<object, TypeNode>()

/** How deeply schemas may nest; a schema that contains itself (without a `$ref`) counts as too deep. */
const maxSchemaDepth = 1000

type SchemaRecord = Record<string, unknown>

/**
 * Derives the {@link TypeNode} of a TypeBox (or plain JSON) schema: what DSPy type it stands for.
 * The result is cached per schema object, so calling it on every use costs a map lookup.
 *
 * @throws {TypeDefinitionError} when the schema uses a construct DSPy has no type for, or nests more than
 *   1,000 levels deep (or contains itself without a `$ref`).
 */
export function describeType(schema: TSchema): TypeNode {
  const cached = described.get(schema)
  if (cached !== undefined) return cached
  const node = describeAt(schema as SchemaRecord, '#')
  described.set(schema, node)
  return node
}

/** How many schemas the description running now is inside. */
let openSchemas = 0

function describeAt(schema: SchemaRecord, path: string): TypeNode {
  if (typeof schema !== 'object' || schema === null) {
    throw new TypeDefinitionError({ message: `Expected a schema object at ${path}, got ${typeof schema}.`, path })
  }
  const cached = described.get(schema)
  if (cached !== undefined) return cached
  if (openSchemas >= maxSchemaDepth) {
    throw new TypeDefinitionError({ message: `The schema nests more than ${maxSchemaDepth} levels deep (or contains itself).`, path })
  }
  openSchemas += 1
  try {
    const node = describeUncached(schema, path)
    described.set(schema, node)
    return node
  } finally {
    openSchemas -= 1
  }
}

function describeUncached(schema: SchemaRecord, path: string): TypeNode {
  const metadata = readTypeMetadata(schema as TSchema)
  if (metadata.special !== undefined) {
    return metadata.language === undefined
      ? { kind: 'special', name: metadata.special }
      : { kind: 'special', name: metadata.special, language: metadata.language }
  }
  if ('const' in schema) return { kind: 'literal', values: [literalValue(schema.const, path)] }
  if (Array.isArray(schema.enum)) return describeEnum(schema, metadata.enumMemberNames, path)
  const options = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined
  if (options !== undefined) return describeUnion(options as SchemaRecord[], metadata.unionSyntax ?? 'typing', path)
  switch (schema.type) {
    case 'string':
      return { kind: 'str' }
    case 'integer':
      return { kind: 'int' }
    case 'number':
      return { kind: 'float' }
    case 'boolean':
      return { kind: 'bool' }
    case 'null':
      return { kind: 'none' }
    case 'array':
      return describeArray(schema, path)
    case 'object':
      return describeObject(schema, path)
    case undefined:
      return { kind: 'any' }
    default:
      throw new TypeDefinitionError({
        message: `Unsupported schema type ${JSON.stringify(schema.type)} at ${path}.`,
        path,
      })
  }
}

function literalValue(value: unknown, path: string): LiteralValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as LiteralValue
  throw new TypeDefinitionError({ message: `Literal values must be strings, numbers, booleans or null at ${path}.`, path })
}

function describeEnum(schema: SchemaRecord, memberNames: readonly string[] | undefined, path: string): TypeNode {
  const values = (schema.enum as unknown[]).map((value) => literalValue(value, path))
  const name = typeof schema.title === 'string' ? schema.title : undefined
  if (name === undefined) return { kind: 'literal', values }
  const members: EnumMember[] = values.map((value, index) => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new TypeDefinitionError({ message: `Enum ${name} values must be strings or numbers at ${path}.`, path })
    }
    return { name: memberNames?.[index] ?? String(value), value }
  })
  return typeof schema.description === 'string' ? { kind: 'enum', name, members, description: schema.description } : { kind: 'enum', name, members }
}

function describeUnion(options: SchemaRecord[], syntax: 'typing' | 'pep604', path: string): TypeNode {
  const nodes = options.map((option, index) => describeAt(option, `${path}/anyOf/${index}`))
  if (nodes.length > 0 && nodes.every((node) => node.kind === 'literal')) {
    return { kind: 'literal', values: nodes.flatMap((node) => (node.kind === 'literal' ? node.values : [])) }
  }
  if (nodes.length === 1) return nodes[0] as TypeNode
  return { kind: 'union', options: nodes, syntax }
}

function describeArray(schema: SchemaRecord, path: string): TypeNode {
  const items = schema.items ?? schema.prefixItems
  if (Array.isArray(items)) {
    return { kind: 'tuple', items: items.map((item, index) => describeAt(item as SchemaRecord, `${path}/items/${index}`)) }
  }
  const itemNode = items === undefined ? ({ kind: 'any' } as const) : describeAt(items as SchemaRecord, `${path}/items`)
  return { kind: 'list', items: itemNode, unique: schema.uniqueItems === true }
}

function describeObject(schema: SchemaRecord, path: string): TypeNode {
  const properties = schema.properties as Record<string, SchemaRecord> | undefined
  // A model has declared properties; a titled object with none is still a model (pydantic `class Empty(BaseModel)`).
  const isModel = properties !== undefined && (Object.keys(properties).length > 0 || typeof schema.title === 'string')
  if (isModel) {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
    const fields: ModelField[] = Object.entries(properties).map(([name, property]) => {
      const hasDefault = 'default' in property
      return {
        name,
        type: describeAt(property, `${path}/properties/${name}`),
        required: required.has(name),
        hasDefault,
        ...(hasDefault ? { defaultValue: property.default } : {}),
        ...(typeof property.description === 'string' ? { description: property.description } : {}),
      }
    })
    return {
      kind: 'model',
      name: typeof schema.title === 'string' ? schema.title : undefined,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      fields,
    }
  }
  const patterns = schema.patternProperties as Record<string, SchemaRecord> | undefined
  const patternValues = patterns === undefined ? [] : Object.values(patterns)
  const additional = schema.additionalProperties
  const values = patternValues[0] ?? (typeof additional === 'object' && additional !== null ? (additional as SchemaRecord) : undefined)
  const keys = patterns !== undefined && Object.keys(patterns)[0] === '^-?(?:0|[1-9][0-9]*)$' ? 'int' : 'str'
  return {
    kind: 'dict',
    keys: { kind: keys },
    values: values === undefined ? { kind: 'any' } : describeAt(values, `${path}/additionalProperties`),
  }
}
