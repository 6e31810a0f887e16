import { pythonStrip } from '../python-strip.js'
import { groupXMLChildren, type XMLElement, xmlElementToString } from './xml-element.js'

type SchemaRecord = Readonly<Record<string, unknown>>

const nullSchema = (schema: SchemaRecord): boolean => Object.keys(schema).length === 1 && schema.type === 'null'

/**
 * The value the elements of one output field hold, read as the field's JSON Schema (one `anyOf`
 * option at a time is tried by the caller) says: `null` for an empty element where `null` is
 * allowed; a list from `<item>` children, repeated tags, or JSON text; an object from child tags;
 * otherwise the stripped text (a list of texts for repeated tags). A string-typed element with
 * child tags keeps its inner XML as text. The result is then validated against the field's type.
 *
 * @see dspy.adapters.xml_adapter.XMLAdapter._elements_to_value
 */
export function xmlElementsToValue(
  elements: readonly XMLElement[],
  schema: SchemaRecord,
  definitions: Readonly<Record<string, SchemaRecord>>,
): unknown {
  const reference = typeof schema.$ref === 'string' ? (schema.$ref.split('/').at(-1) ?? '') : ''
  let current = definitions[reference] ?? schema
  const first = elements[0] as XMLElement
  const choices = current.anyOf
  if (Array.isArray(choices) && choices.length > 0) {
    const options = choices as SchemaRecord[]
    if (options.some(nullSchema) && first.children.length === 0 && pythonStrip(first.text ?? '') === '') return null
    const nonNull = options.filter((option) => option.type !== 'null')
    current = nonNull[0] as SchemaRecord
    if (first.children.length > 0) current = nonNull.find((option) => option.type !== 'string') ?? current
  }
  if (current === undefined) throw new TypeError('The schema has no option that is not null.')
  if (current.type === 'array') {
    let items = elements
    if (elements.length === 1 && first.children.length === 0) {
      const text = pythonStrip(first.text ?? '')
      if (text === '') return []
      if (text.startsWith('[')) return text
    }
    if (elements.length === 1) {
      const itemElements = groupXMLChildren(first).get('item')
      if (itemElements !== undefined) items = itemElements
    }
    const itemSchema = typeof current.items === 'object' && current.items !== null ? (current.items as SchemaRecord) : {}
    return items.map((element) => xmlElementsToValue([element], itemSchema, definitions))
  }
  if (current.type === 'string' && first.children.length > 0) {
    return (first.text ?? '') + first.children.map(xmlElementToString).join('')
  }
  const children = groupXMLChildren(first)
  if (children.size === 0) {
    if (current.type === 'object' && pythonStrip(first.text ?? '') === '') return {}
    const values = elements.map((element) => pythonStrip(element.text ?? ''))
    return values.length === 1 ? values[0] : values
  }
  const properties = (typeof current.properties === 'object' && current.properties !== null ? current.properties : {}) as Record<string, SchemaRecord>
  const additional = current.additionalProperties
  const childSchema = typeof additional === 'object' && additional !== null ? (additional as SchemaRecord) : {}
  const value: Record<string, unknown> = {}
  for (const [name, items] of children) {
    const itemSchema = Object.hasOwn(properties, name) ? (properties[name] as SchemaRecord) : childSchema
    Object.defineProperty(value, name, {
      value: xmlElementsToValue(items, itemSchema, definitions),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return value
}
