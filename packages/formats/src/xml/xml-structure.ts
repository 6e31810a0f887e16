import type { TypeNode } from '@dspex/types'
import { pythonStr, typeNodePydanticJSONSchema } from '@dspex/types/internal'

type SchemaRecord = Readonly<Record<string, unknown>>

const floatNode: TypeNode = { kind: 'float' }

/**
 * True when the XMLAdapter writes an output of this type as nested XML: a list (not of DSPy's
 * special types), a dict or a model, possibly `Optional`. Other types are written as text inside
 * the field's tag.
 *
 * @see dspy.adapters.xml_adapter.XMLAdapter._uses_nested_xml
 */
export function usesNestedXML(node: TypeNode): boolean {
  let type = node
  if (type.kind === 'union') {
    const options = type.options.filter((option) => option.kind !== 'none')
    if (options.length === 1 && options[0] !== undefined) type = options[0]
  }
  if (type.kind === 'list') return !type.unique && type.items.kind !== 'special'
  return type.kind === 'dict' || type.kind === 'model'
}

/**
 * The nested XML skeleton DSPy shows for a type: `<tags><item>...</item></tags>`,
 * `<person><name>...</name><age>...</age></person>`; a model met again inside itself is `<tag>...</tag>`.
 *
 * @see dspy.adapters.xml_adapter.XMLAdapter._xml_schema
 */
export function xmlSchemaText(tag: string, node: TypeNode): string {
  const schema = typeNodePydanticJSONSchema(node) as SchemaRecord
  return schemaToXML(tag, schema, definitionsOf(schema), new Set())
}

/** The `$defs` of a pydantic schema (empty when none). */
export function definitionsOf(schema: SchemaRecord): Readonly<Record<string, SchemaRecord>> {
  const definitions = schema.$defs
  return typeof definitions === 'object' && definitions !== null ? (definitions as Record<string, SchemaRecord>) : {}
}

function schemaToXML(tag: string, schema: SchemaRecord, definitions: Readonly<Record<string, SchemaRecord>>, seen: ReadonlySet<string>): string {
  if (typeof schema.$ref === 'string' && schema.$ref !== '') {
    const name = schema.$ref.split('/').at(-1) ?? ''
    if (seen.has(name)) return `<${tag}>...</${tag}>`
    return schemaToXML(tag, definitions[name] ?? {}, definitions, new Set([...seen, name]))
  }
  const choices = schema.anyOf
  if (Array.isArray(choices) && choices.length > 0) {
    const options = choices as SchemaRecord[]
    const chosen = options.find((option) => option.type !== 'null') ?? (options[0] as SchemaRecord)
    return schemaToXML(tag, chosen, definitions, seen)
  }
  if (schema.type === 'array') {
    const items = typeof schema.items === 'object' && schema.items !== null ? (schema.items as SchemaRecord) : {}
    return `<${tag}>${schemaToXML('item', items, definitions, seen)}</${tag}>`
  }
  const properties = typeof schema.properties === 'object' && schema.properties !== null ? schema.properties : {}
  const children = Object.entries(properties as Record<string, SchemaRecord>)
    .map(([name, child]) => schemaToXML(name, child, definitions, seen))
    .join('')
  return children === '' ? `<${tag}>...</${tag}>` : `<${tag}>${children}</${tag}>`
}

/**
 * A JSON-able value written as nested XML: list items as `<item>`, object keys as child tags (an
 * `<entry key="...">` when the key is not an identifier), text escaped (`&`, `<`), and `<tag />`
 * for `null` or an empty list. `floatPaths` (from `serializeForJSON`) marks numbers Python holds as floats.
 *
 * @example
 * ```ts
 * valueToXML({ name: 'Ada', tags: [] }, 'person') // '<person><name>Ada</name><tags /></person>'
 * ```
 * @see dspy.adapters.xml_adapter.XMLAdapter._value_to_xml
 */
export function valueToXML(value: unknown, tag: string, floatPaths: ReadonlySet<string> = new Set(), pointer = '', key?: string): string {
  const attributes = key === undefined ? '' : ` key=${quoteAttribute(key)}`
  if (Array.isArray(value)) {
    const children = value.map((item, index) => valueToXML(item, 'item', floatPaths, `${pointer}/${index}`)).join('')
    return children === '' ? `<${tag}${attributes} />` : `<${tag}${attributes}>${children}</${tag}>`
  }
  if (typeof value === 'object' && value !== null) {
    const children = Object.entries(value as Record<string, unknown>)
      .map(([name, child]) => {
        const childPointer = `${pointer}/${name}`
        return isIdentifier(name.slice(0, 1) + name.slice(1).replaceAll('-', '_').replaceAll('.', '_'))
          ? valueToXML(child, name, floatPaths, childPointer)
          : valueToXML(child, 'entry', floatPaths, childPointer, name)
      })
      .join('')
    return `<${tag}${attributes}>${children}</${tag}>`
  }
  if (value === null || value === undefined) return `<${tag}${attributes} />`
  const text = pythonStr(value, floatPaths.has(pointer) ? floatNode : undefined)
  return `<${tag}${attributes}>${escapeXMLText(text)}</${tag}>`
}

/** DSPy's escaping of text written inside a tag: `&` and `<` only. */
export function escapeXMLText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
}

/** Python's `str.isidentifier()` (keywords included). */
function isIdentifier(name: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)
}

/** Python's `xml.sax.saxutils.quoteattr`. */
function quoteAttribute(value: string): string {
  let text = value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  text = text.replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;')
  if (!text.includes('"')) return `"${text}"`
  if (!text.includes("'")) return `'${text}'`
  return `"${text.replaceAll('"', '&quot;')}"`
}
