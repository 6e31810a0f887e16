type JSONObject = Readonly<Record<string, unknown>>

const isRecord = (value: unknown): value is JSONObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Keywords of Gemini's OpenAPI 3.0 schema subset that are copied as they are. */
const copiedKeywords = [
  'description',
  'format',
  'enum',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'required',
  'title',
  'propertyOrdering',
  'default',
] as const

function resolveReference(reference: string, root: JSONObject): JSONObject | undefined {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(reference)
  if (match?.[1] === undefined || match[2] === undefined) return undefined
  const definitions = root[match[1]]
  if (!isRecord(definitions)) return undefined
  const target = definitions[decodeURIComponent(match[2]).replace(/~1/g, '/').replace(/~0/g, '~')]
  return isRecord(target) ? target : undefined
}

function convert(schema: unknown, root: JSONObject, seen: readonly string[]): Record<string, unknown> {
  if (!isRecord(schema)) return {}
  if (typeof schema.$ref === 'string') {
    if (seen.includes(schema.$ref)) throw new Error(`JSON schema reference ${schema.$ref} is recursive; Gemini schemas cannot express recursion.`)
    const target = resolveReference(schema.$ref, root)
    if (target === undefined) throw new Error(`JSON schema reference ${schema.$ref} cannot be resolved.`)
    const { $ref: _reference, ...siblings } = schema
    return convert({ ...target, ...siblings }, root, [...seen, schema.$ref])
  }
  const result: Record<string, unknown> = {}
  for (const keyword of copiedKeywords) {
    if (schema[keyword] !== undefined) result[keyword] = schema[keyword]
  }
  if (schema.const !== undefined) result.enum = [schema.const]

  let type = schema.type
  if (Array.isArray(type)) {
    const types = type.filter((entry) => entry !== 'null')
    if (types.length < type.length) result.nullable = true
    type = types.length === 1 ? types[0] : undefined
    if (types.length > 1) result.anyOf = types.map((entry) => ({ type: entry }))
  } else if (type === 'null') {
    result.nullable = true
    type = undefined
  }
  if (typeof type === 'string') result.type = type
  if (schema.nullable === true) result.nullable = true

  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined
  if (union !== undefined) {
    const members = union.filter((member) => !(isRecord(member) && member.type === 'null'))
    if (members.length < union.length) result.nullable = true
    if (members.length === 1) Object.assign(result, convert(members[0], root, seen), result.nullable ? { nullable: true } : {})
    else if (members.length > 1) result.anyOf = members.map((member) => convert(member, root, seen))
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) Object.assign(result, convert(member, root, seen))
  }
  if (isRecord(schema.properties)) {
    result.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, convert(property, root, seen)]))
    if (result.type === undefined) result.type = 'object'
  }
  if (schema.items !== undefined) result.items = convert(schema.items, root, seen)
  return result
}

/**
 * Converts a JSON schema (as a `json_schema` response format or a tool's parameters carry it) to
 * Gemini's OpenAPI 3.0 subset: `$ref`s into `$defs`/`definitions` are inlined, `null` in a type
 * list or an `anyOf` becomes `nullable: true`, `const` becomes a one-value `enum`, `allOf` is
 * merged, and keywords Gemini rejects (`additionalProperties`, `$schema`, `$defs`...) are dropped.
 *
 * @param schema - The JSON schema.
 * @returns The Gemini schema, or `undefined` for an object schema with no properties (Gemini rejects those).
 * @throws {Error} When a `$ref` is recursive or cannot be resolved.
 * @example
 * ```ts
 * convertJSONSchemaToGoogleSchema({ type: 'object', properties: { a: { type: ['string', 'null'] } }, additionalProperties: false })
 * // { type: 'object', properties: { a: { type: 'string', nullable: true } } }
 * ```
 */
export function convertJSONSchemaToGoogleSchema(schema: JSONObject): Record<string, unknown> | undefined {
  const converted = convert(schema, schema, [])
  if (converted.type === 'object' && (!isRecord(converted.properties) || Object.keys(converted.properties).length === 0)) {
    return undefined
  }
  return converted
}
