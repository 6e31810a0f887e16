import { maxNestingDepth } from '@dspex/types/internal'
import { XMLSyntaxError, type XMLSyntaxErrorCode } from '../errors/xml-syntax-error.js'
import type { XMLElement } from './xml-element.js'

const xmlNamespace = 'http://www.w3.org/XML/1998/namespace'
const predefinedEntities: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
/** XML's NameStartChar ranges (besides ASCII letters, `_` and `:`). */
const nameStartRanges: readonly (readonly [number, number])[] = [
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2ff],
  [0x370, 0x37d],
  [0x37f, 0x1fff],
  [0x200c, 0x200d],
  [0x2070, 0x218f],
  [0x2c00, 0x2fef],
  [0x3001, 0xd7ff],
  [0xf900, 0xfdcf],
  [0xfdf0, 0xfffd],
  [0x10000, 0xeffff],
]
/** The extra ranges of XML's NameChar. */
const nameCharRanges: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0xb7, 0xb7],
  [0x300, 0x36f],
  [0x203f, 0x2040],
]

function inRanges(code: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([low, high]) => code >= low && code <= high)
}

function isNameStartCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x3a || inRanges(code, nameStartRanges)
}

/** True when the code point at `index` of `text` may start an XML name. */
function isNameStart(text: string, index: number): boolean {
  const code = text.codePointAt(index)
  return code !== undefined && isNameStartCode(code)
}

/** True when the code point at `index` of `text` may continue an XML name. */
function isNameChar(text: string, index: number): boolean {
  const code = text.codePointAt(index)
  if (code === undefined) return false
  return isNameStartCode(code) || code === 0x2d || code === 0x2e || inRanges(code, nameCharRanges)
}

function isXMLChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}

interface OpenElement {
  readonly element: XMLElement
  readonly qname: string
  /** The namespace prefixes the element declares (`''` for the default namespace), undone when it ends. */
  readonly declared: readonly string[]
}

/** The attributes of an element that has none, shared (elements are read-only once read). */
const noAttributes: ReadonlyMap<string, string> = new Map()

/**
 * Reads a well-formed XML document into its root element as Python's `xml.etree.ElementTree.fromstring`
 * does with expat: comments and processing instructions are dropped, CDATA joins the text, the five
 * predefined entities and character references are decoded, line breaks are normalised to `\n`,
 * attribute values have their whitespace normalised, and namespaced names become `{uri}local`.
 * Document type declarations are not supported (expat reports them as invalid here, inside an element).
 * Any text is read in time linear in its length, without recursion.
 *
 * @throws {XMLSyntaxError} with expat's reason and position for text that is not well-formed (code
 *   `xml-syntax`), or for elements nested more than `maxDepth` levels deep (code `xml-too-deep`; default
 *   1,000, past which Python's recursive ElementTree writer and DSPy's reading of nested fields fail).
 * @see xml.etree.ElementTree.fromstring
 */
export function readXML(source: string, maxDepth = maxNestingDepth): XMLElement {
  return new XMLReader(source, maxDepth).document()
}

class XMLReader {
  private index = 0
  private readonly stack: OpenElement[] = []
  /** For each namespace prefix in scope, its URIs from the outermost declaration to the innermost. */
  private readonly namespaces = new Map<string, string[]>([['xml', [xmlNamespace]]])
  private data: string[] = []
  private last: XMLElement | undefined
  private lastWasEnd = false
  private root: XMLElement | undefined

  constructor(
    private readonly source: string,
    private readonly maxDepth: number,
  ) {}

  document(): XMLElement {
    const text = this.source
    this.skipProlog()
    if (this.index >= text.length) throw this.error('no element found', text.length)
    while (this.index < text.length) {
      if (this.root !== undefined && this.stack.length === 0) return this.epilog()
      const char = text[this.index]
      if (char === '<') this.markup()
      else if (char === '&') this.data.push(this.reference())
      else this.characterData()
    }
    if (this.stack.length > 0 || this.root === undefined) throw this.error('no element found', text.length)
    return this.root
  }

  private skipProlog(): void {
    while (this.index < this.source.length) {
      const char = this.source[this.index] as string
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.index += 1
      else if (this.source.startsWith('<!--', this.index)) this.comment()
      else if (this.source.startsWith('<?', this.index) && this.index > 0) this.processingInstruction()
      else if (this.source.startsWith('<?', this.index)) this.processingInstruction(true)
      else if (char === '<') return
      else throw this.error('syntax error', this.index)
    }
  }

  private epilog(): XMLElement {
    const text = this.source
    while (this.index < text.length) {
      const char = text[this.index] as string
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.index += 1
      else if (text.startsWith('<!--', this.index)) this.comment()
      else if (text.startsWith('<?', this.index)) this.processingInstruction()
      else if (char === '<') throw this.error('junk after document element', this.index)
      else {
        while (this.index < text.length && text[this.index] !== '<') this.index += 1
        throw this.error('not well-formed (invalid token)', this.index)
      }
    }
    return this.root as XMLElement
  }

  private characterData(): void {
    const text = this.source
    let start = this.index
    let chunk = ''
    while (this.index < text.length) {
      const char = text[this.index] as string
      if (char === '<' || char === '&') break
      const code = text.codePointAt(this.index) ?? 0
      if (!isXMLChar(code)) throw this.error('not well-formed (invalid token)', this.index)
      if (char === ']' && text.startsWith(']]>', this.index)) throw this.error('not well-formed (invalid token)', this.index + 2)
      if (char === '\r') {
        chunk += `${text.slice(start, this.index)}\n`
        this.index += text[this.index + 1] === '\n' ? 2 : 1
        start = this.index
        continue
      }
      this.index += code > 0xffff ? 2 : 1
    }
    this.data.push(chunk + text.slice(start, this.index))
  }

  private markup(): void {
    const text = this.source
    const next = text[this.index + 1]
    if (next === '/') this.endTag()
    else if (next === '?') this.processingInstruction()
    else if (text.startsWith('<!--', this.index)) this.comment()
    else if (text.startsWith('<![CDATA[', this.index)) this.cdata()
    else if (next === '!') throw this.error('not well-formed (invalid token)', this.index + 2)
    else if (isNameStart(text, this.index + 1)) this.startTag()
    else throw this.error('not well-formed (invalid token)', this.index + 1)
  }

  private comment(): void {
    const start = this.index
    const end = this.source.indexOf('--', start + 4)
    if (end === -1) throw this.error('unclosed token', start)
    if (this.source[end + 2] !== '>') {
      throw this.error(end + 2 >= this.source.length ? 'unclosed token' : 'not well-formed (invalid token)', end + 2)
    }
    this.index = end + 3
  }

  private cdata(): void {
    const start = this.index + '<![CDATA['.length
    const end = this.source.indexOf(']]>', start)
    if (end === -1) throw this.error('unclosed CDATA section', this.source.length)
    this.data.push(this.source.slice(start, end).replace(/\r\n?/g, '\n'))
    this.index = end + 3
  }

  private processingInstruction(atStart = false): void {
    const start = this.index
    this.index += 2
    if (!isNameStart(this.source, this.index)) throw this.error('not well-formed (invalid token)', this.index)
    const target = this.name()
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml') throw this.error('not well-formed (invalid token)', this.index)
      if (!atStart) throw this.error('XML or text declaration not at start of entity', start)
    }
    const end = this.source.indexOf('?>', this.index)
    if (end === -1) throw this.error('unclosed token', start)
    this.index = end + 2
  }

  private name(): string {
    const start = this.index
    while (isNameChar(this.source, this.index)) this.index += (this.source.codePointAt(this.index) ?? 0) > 0xffff ? 2 : 1
    return this.source.slice(start, this.index)
  }

  private skipWhitespace(): boolean {
    const start = this.index
    while (/[ \t\r\n]/.test(this.source[this.index] ?? '')) this.index += 1
    return this.index > start
  }

  private startTag(): void {
    const tagStart = this.index
    this.index += 1
    const qname = this.name()
    const raw: [string, string, number][] = []
    let closed = false
    for (;;) {
      const spaced = this.skipWhitespace()
      const char = this.source[this.index]
      if (char === undefined) throw this.error('unclosed token', tagStart)
      if (char === '>') {
        this.index += 1
        break
      }
      if (char === '/') {
        if (this.source[this.index + 1] !== '>') throw this.error('not well-formed (invalid token)', this.index + 1)
        this.index += 2
        closed = true
        break
      }
      if (!spaced || !isNameStart(this.source, this.index)) throw this.error('not well-formed (invalid token)', this.index)
      const nameStart = this.index
      const name = this.name()
      if (raw.some(([existing]) => existing === name)) throw this.error('duplicate attribute', nameStart)
      this.skipWhitespace()
      if (this.source[this.index] !== '=') throw this.error('not well-formed (invalid token)', this.index)
      this.index += 1
      this.skipWhitespace()
      raw.push([name, this.attributeValue(tagStart), nameStart])
    }
    this.open(qname, raw, tagStart, closed)
  }

  private attributeValue(tagStart: number): string {
    const quote = this.source[this.index]
    if (quote !== '"' && quote !== "'") throw this.error('not well-formed (invalid token)', this.index)
    this.index += 1
    let value = ''
    for (;;) {
      const char = this.source[this.index]
      if (char === undefined) throw this.error('unclosed token', tagStart)
      if (char === quote) {
        this.index += 1
        return value
      }
      if (char === '<') throw this.error('not well-formed (invalid token)', this.index)
      if (char === '&') {
        value += this.reference()
        continue
      }
      const code = this.source.codePointAt(this.index) ?? 0
      if (!isXMLChar(code)) throw this.error('not well-formed (invalid token)', this.index)
      if (char === '\r' && this.source[this.index + 1] === '\n') this.index += 1
      value += char === '\t' || char === '\n' || char === '\r' ? ' ' : String.fromCodePoint(code)
      this.index += code > 0xffff ? 2 : 1
    }
  }

  private reference(): string {
    const start = this.index
    this.index += 1
    if (this.source[this.index] === '#') {
      this.index += 1
      const hex = this.source[this.index] === 'x'
      if (hex) this.index += 1
      const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/
      const first = this.index
      while (digits.test(this.source[this.index] ?? '')) this.index += 1
      if (this.index === first || this.source[this.index] !== ';') throw this.error('not well-formed (invalid token)', this.index)
      const code = Number.parseInt(this.source.slice(first, this.index), hex ? 16 : 10)
      this.index += 1
      if (!isXMLChar(code)) throw this.error('reference to invalid character number', start)
      return String.fromCodePoint(code)
    }
    if (!isNameStart(this.source, this.index)) throw this.error('not well-formed (invalid token)', this.index)
    const name = this.name()
    if (this.source[this.index] !== ';') throw this.error('not well-formed (invalid token)', this.index)
    this.index += 1
    const value = predefinedEntities[name]
    if (value === undefined) throw this.error('undefined entity', start)
    return value
  }

  private open(qname: string, raw: readonly [string, string, number][], tagStart: number, closed: boolean): void {
    const parent = this.stack.at(-1)
    if (this.stack.length >= this.maxDepth) {
      throw this.error(`elements nested more than ${this.maxDepth} levels deep`, tagStart, 'xml-too-deep')
    }
    const declared: string[] = []
    for (const [name, value] of raw) {
      const prefix = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined
      if (prefix === undefined) continue
      const uris = this.namespaces.get(prefix)
      if (uris === undefined) this.namespaces.set(prefix, [value])
      else uris.push(value)
      declared.push(prefix)
    }
    const namespace = (prefix: string): string | undefined => this.namespaces.get(prefix)?.at(-1)
    try {
      const resolve = (name: string, isElement: boolean): string => {
        const colon = name.indexOf(':')
        if (colon === -1) {
          const uri = isElement ? namespace('') : undefined
          return uri ? `{${uri}}${name}` : name
        }
        const uri = namespace(name.slice(0, colon))
        if (uri === undefined) throw this.error('unbound prefix', tagStart)
        return `{${uri}}${name.slice(colon + 1)}`
      }
      let attributes = noAttributes
      if (raw.length > declared.length) {
        const resolved = new Map<string, string>()
        for (const [name, value] of raw) {
          if (name !== 'xmlns' && !name.startsWith('xmlns:')) resolved.set(resolve(name, false), value)
        }
        attributes = resolved
      }
      const element: XMLElement = { tag: resolve(qname, true), attributes, text: null, tail: null, children: [] }
      this.flush()
      if (parent === undefined) this.root = element
      else parent.element.children.push(element)
      this.last = element
      this.lastWasEnd = false
      if (closed) {
        this.lastWasEnd = true
        if (parent === undefined) this.stack.length = 0
      } else {
        this.stack.push({ element, qname, declared })
      }
    } finally {
      // A self-closing element's declarations end with it.
      if (closed) this.undeclare(declared)
    }
  }

  /** Takes the namespace declarations of an element that ended out of scope. */
  private undeclare(declared: readonly string[]): void {
    for (const prefix of declared) {
      const uris = this.namespaces.get(prefix)
      uris?.pop()
      if (uris?.length === 0) this.namespaces.delete(prefix)
    }
  }

  private endTag(): void {
    this.index += 2
    const nameStart = this.index
    if (!isNameStart(this.source, this.index)) throw this.error('not well-formed (invalid token)', this.index)
    const qname = this.name()
    this.skipWhitespace()
    if (this.source[this.index] !== '>') throw this.error('not well-formed (invalid token)', this.index)
    const open = this.stack.at(-1)
    if (open === undefined || open.qname !== qname) throw this.error('mismatched tag', nameStart)
    this.index += 1
    this.flush()
    this.stack.pop()
    this.undeclare(open.declared)
    this.last = open.element
    this.lastWasEnd = true
  }

  /** ElementTree's TreeBuilder: pending character data becomes the text of the last started element or the tail of the last ended one. */
  private flush(): void {
    if (this.data.length === 0) return
    const text = this.data.join('')
    this.data = []
    if (this.last === undefined) return
    if (this.lastWasEnd) this.last.tail = text
    else this.last.text = text
  }

  private error(reason: string, at: number, code: XMLSyntaxErrorCode = 'xml-syntax'): XMLSyntaxError {
    let line = 1
    let lineStart = 0
    for (let position = 0; position < at && position < this.source.length; position += 1) {
      const char = this.source[position]
      if (char === '\n' || (char === '\r' && this.source[position + 1] !== '\n')) {
        line += 1
        lineStart = position + 1
      }
    }
    const column = [...this.source.slice(lineStart, at)].length
    return new XMLSyntaxError({ message: `${reason}: line ${line}, column ${column}`, code, reason, line, column })
  }
}
