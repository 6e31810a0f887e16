/**
 * An XML element as Python's ElementTree holds it: its tag (`{uri}local` for a namespaced name),
 * attributes in document order, `text` (the character data before its first child, `null` when
 * none) and `tail` (the character data after its end tag, `null` when none).
 */
export interface XMLElement {
  readonly tag: string
  readonly attributes: ReadonlyMap<string, string>
  text: string | null
  tail: string | null
  readonly children: XMLElement[]
}

/** The prefixes ElementTree gives well-known namespaces when it writes XML. */
const wellKnownPrefixes: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/XML/1998/namespace', 'xml'],
  ['http://www.w3.org/1999/xhtml', 'html'],
  ['http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  ['http://schemas.xmlsoap.org/wsdl/', 'wsdl'],
  ['http://www.w3.org/2001/XMLSchema', 'xs'],
  ['http://www.w3.org/2001/XMLSchema-instance', 'xsi'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
])

/**
 * The element written back as XML, its tail included, as Python's
 * `ElementTree.tostring(element, encoding="unicode")` writes it: `<tag />` when it has neither text
 * nor children, text escaped (`&`, `<`, `>`), attribute values escaped (also `"`, tab and line breaks),
 * and namespaced names written with `ns0`, `ns1` ... prefixes declared on the element.
 *
 * @see xml.etree.ElementTree.tostring
 */
export function xmlElementToString(element: XMLElement): string {
  const namespaces = new Map<string, string>()
  const qualify = (name: string): string => {
    if (!name.startsWith('{')) return name
    const close = name.indexOf('}')
    const uri = name.slice(1, close)
    let prefix = namespaces.get(uri) ?? (uri === 'http://www.w3.org/XML/1998/namespace' ? 'xml' : undefined)
    if (prefix === undefined) {
      prefix = wellKnownPrefixes.get(uri) ?? `ns${namespaces.size}`
      namespaces.set(uri, prefix)
    }
    return `${prefix}:${name.slice(close + 1)}`
  }
  collectNames(element, qualify)
  const declarations = [...namespaces]
    .sort(([, left], [, right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([uri, prefix]) => ` xmlns:${prefix}="${escapeAttribute(uri)}"`)
    .join('')
  return write(element, qualify, declarations) + (element.tail ? escapeText(element.tail) : '')
}

function collectNames(element: XMLElement, qualify: (name: string) => string): void {
  qualify(element.tag)
  for (const name of element.attributes.keys()) qualify(name)
  for (const child of element.children) collectNames(child, qualify)
}

function write(element: XMLElement, qualify: (name: string) => string, declarations: string): string {
  const tag = qualify(element.tag)
  let out = `<${tag}${declarations}`
  for (const [name, value] of element.attributes) out += ` ${qualify(name)}="${escapeAttribute(value)}"`
  if (!element.text && element.children.length === 0) return `${out} />`
  out += '>'
  if (element.text) out += escapeText(element.text)
  for (const child of element.children) {
    out += write(child, qualify, '')
    if (child.tail) out += escapeText(child.tail)
  }
  return `${out}</${tag}>`
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll('"', '&quot;').replaceAll('\r', '&#13;').replaceAll('\n', '&#10;').replaceAll('\t', '&#09;')
}

/**
 * The children of an element grouped by name, in first-appearance order; an `<entry key="...">`
 * child is grouped under its `key`.
 *
 * @see dspy.adapters.xml_adapter.XMLAdapter._group_children
 */
export function groupXMLChildren(element: XMLElement): Map<string, XMLElement[]> {
  const groups = new Map<string, XMLElement[]>()
  for (const child of element.children) {
    const name = child.tag === 'entry' ? (child.attributes.get('key') ?? child.tag) : child.tag
    const group = groups.get(name)
    if (group === undefined) groups.set(name, [child])
    else group.push(child)
  }
  return groups
}
