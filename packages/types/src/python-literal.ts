import { PythonLiteralError } from './errors/python-literal-error.js'
import { pythonFloatRepr, pythonStringRepr } from './python-repr.js'
import { readPythonStringBody } from './python-string-literal.js'

type LiteralKind = 'str' | 'bytes' | 'int' | 'float' | 'bool' | 'none' | 'list' | 'tuple' | 'dict' | 'set'

/** A parsed value with the Python facts the parser still needs (its type, whether it can be a dict key). */
interface Parsed {
  readonly value: unknown
  readonly kind: LiteralKind
  /** A string that is equal for values Python considers equal (`1`, `1.0` and `True`); undefined when unhashable. */
  readonly hashKey: string | undefined
  /** The text of the value as a JS object key (`1` for the int 1, `'a'` for the string a). */
  readonly keyText: string
  /** True for a number written in parentheses, a bare number or a string (what a sign may apply to). */
  readonly constant: boolean
}

/** Python's parser refuses more nested brackets than this. */
const maxNesting = 200

const floatPattern = /(?:\d(?:_?\d)*)?\.\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*\.(?:[eE][+-]?\d(?:_?\d)*)?|\d(?:_?\d)*[eE][+-]?\d(?:_?\d)*/y
const prefixedIntPattern = /0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+/y
const decimalIntPattern = /\d(?:_?\d)*/y
const namePattern = /[A-Za-z_][A-Za-z0-9_]*/y
const stringPrefixPattern = /(?:[rR][bB]?|[bB][rR]?|[uU]|[fF][rR]?|[rR][fF])?(?='|")/y

/**
 * Reads a Python literal the way `ast.literal_eval` does, for the values LMs write: strings
 * (single, double and triple quoted, with escapes and `r`/`u`/`b` prefixes; adjacent strings are
 * joined), ints (`1_000`, `0x1F`, `0o17`, `0b101`), floats, `True`, `False`, `None`, lists,
 * tuples and sets (as arrays), dicts (as objects) and a sign before a number. Comments and
 * newlines inside brackets are allowed, as in Python source.
 *
 * Dict keys become object keys as Python would print them (`1`, `1.5`, `True`); bytes become
 * strings; complex numbers are not supported.
 *
 * @throws {PythonLiteralError} naming the position of anything else.
 * @example
 * ```ts
 * parsePythonLiteral("{'a': [1, 2.5, None], 'b': (True,)}") // { a: [1, 2.5, null], b: [true] }
 * ```
 * @see ast.literal_eval
 */
export function parsePythonLiteral(text: string): unknown {
  const reader = new LiteralReader(text)
  return reader.readAll()
}

class LiteralReader {
  private position = 0

  constructor(private readonly text: string) {}

  readAll(): unknown {
    this.skip(true)
    const first = this.readExpression(0)
    this.skip(false)
    let result = first
    if (this.peek() === ',') result = this.readSequenceTail(first, 0, undefined)
    this.skip(true)
    if (this.position < this.text.length) this.fail('unexpected text after the value')
    return result.value
  }

  private fail(reason: string, at = this.position): never {
    throw PythonLiteralError.at(this.text, at, reason)
  }

  private peek(offset = 0): string | undefined {
    return this.text[this.position + offset]
  }

  /** Skips blanks and comments; newlines only inside brackets (`depth > 0`) or at either end. */
  private skip(newlines: boolean): void {
    while (this.position < this.text.length) {
      const char = this.text[this.position]
      if (char === ' ' || char === '\t' || char === '\f') this.position += 1
      else if ((char === '\n' || char === '\r') && newlines) this.position += 1
      else if (char === '\\' && (this.peek(1) === '\n' || this.peek(1) === '\r')) this.position += 2
      else if (char === '#') {
        while (this.position < this.text.length && !'\n\r'.includes(this.text[this.position] as string)) this.position += 1
      } else return
    }
  }

  private readExpression(depth: number): Parsed {
    this.skip(depth > 0)
    const char = this.peek()
    if (char === '-' || char === '+') {
      const start = this.position
      this.position += 1
      this.skip(depth > 0)
      const operand = this.readAtom(depth)
      if (!operand.constant || (operand.kind !== 'int' && operand.kind !== 'float')) {
        this.fail(`a sign applies to numbers only`, start)
      }
      const value = char === '-' ? -(operand.value as number) : (operand.value as number)
      return numberParsed(value, operand.kind)
    }
    return this.readAtom(depth)
  }

  private readAtom(depth: number): Parsed {
    const char = this.peek()
    if (char === undefined) this.fail('expected a value')
    if (depth >= maxNesting && (char === '[' || char === '(' || char === '{')) this.fail('too many nested brackets')
    if (char === '[') return this.readList(depth)
    if (char === '(') return this.readParenthesized(depth)
    if (char === '{') return this.readBraces(depth)
    if (/[0-9.]/.test(char)) return this.readNumber()
    stringPrefixPattern.lastIndex = this.position
    if (stringPrefixPattern.test(this.text)) return this.readStrings(depth)
    namePattern.lastIndex = this.position
    const name = namePattern.exec(this.text)?.[0]
    if (name !== undefined) return this.readName(name, depth)
    return this.fail('expected a value')
  }

  private readName(name: string, depth: number): Parsed {
    const start = this.position
    this.position += name.length
    if (name === 'True' || name === 'False') {
      const value = name === 'True'
      return { value, kind: 'bool', hashKey: `n:${value ? 1 : 0}`, keyText: name, constant: false }
    }
    if (name === 'None') return { value: null, kind: 'none', hashKey: 'none', keyText: 'None', constant: false }
    if (name === 'set') {
      this.skip(depth > 0)
      if (this.peek() === '(') {
        this.position += 1
        this.skip(true)
        if (this.peek() === ')') {
          this.position += 1
          return { value: [], kind: 'set', hashKey: undefined, keyText: 'set()', constant: false }
        }
      }
    }
    return this.fail(`the name ${name} is not a literal`, start)
  }

  private readNumber(): Parsed {
    const start = this.position
    let kind: 'int' | 'float' = 'float'
    let value: number
    floatPattern.lastIndex = start
    prefixedIntPattern.lastIndex = start
    decimalIntPattern.lastIndex = start
    const float = floatPattern.exec(this.text)?.[0]
    const prefixed = float === undefined ? prefixedIntPattern.exec(this.text)?.[0] : undefined
    if (float !== undefined) {
      value = Number(float.replaceAll('_', ''))
      this.position += float.length
    } else if (prefixed !== undefined) {
      kind = 'int'
      const digits = prefixed.slice(2).replaceAll('_', '')
      const radix = { x: 16, o: 8, b: 2 }[prefixed[1]?.toLowerCase() as 'x' | 'o' | 'b']
      value = Number.parseInt(digits, radix)
      this.position += prefixed.length
    } else {
      const digits = decimalIntPattern.exec(this.text)?.[0]
      if (digits === undefined) return this.fail('expected a value')
      kind = 'int'
      if (digits.startsWith('0') && /[1-9]/.test(digits)) this.fail('leading zeros are not allowed in decimal integers', start)
      value = Number(digits.replaceAll('_', ''))
      this.position += digits.length
    }
    const next = this.peek()
    if (next === 'j' || next === 'J') this.fail('complex numbers are not supported')
    if (next !== undefined && /[A-Za-z0-9_.]/.test(next)) this.fail('invalid number')
    return { ...numberParsed(value, kind), constant: true }
  }

  private readStrings(depth: number): Parsed {
    let value = ''
    let bytes: boolean | undefined
    for (;;) {
      stringPrefixPattern.lastIndex = this.position
      const prefix = stringPrefixPattern.exec(this.text)?.[0]
      if (prefix === undefined) break
      const lower = prefix.toLowerCase()
      if (lower.includes('f')) this.fail('f-strings are not literals')
      const isBytes = lower.includes('b')
      if (bytes !== undefined && bytes !== isBytes) this.fail('cannot mix bytes and str literals')
      bytes = isBytes
      this.position += prefix.length
      const body = readPythonStringBody(this.text, this.position, lower.includes('r'), isBytes)
      value += body.value
      this.position = body.end
      this.skip(depth > 0)
    }
    const kind = bytes === true ? 'bytes' : 'str'
    return { value, kind, hashKey: `${kind}:${value}`, keyText: value, constant: true }
  }

  private readList(depth: number): Parsed {
    this.position += 1
    const items = this.readItems(']', depth + 1)
    return { value: items.map((item) => item.value), kind: 'list', hashKey: undefined, keyText: '', constant: false }
  }

  private readParenthesized(depth: number): Parsed {
    this.position += 1
    this.skip(true)
    if (this.peek() === ')') {
      this.position += 1
      return tupleParsed([])
    }
    const first = this.readExpression(depth + 1)
    this.skip(true)
    if (this.peek() === ')') {
      this.position += 1
      return first
    }
    if (this.peek() !== ',') this.fail("expected ',' or ')'")
    return this.readSequenceTail(first, depth + 1, ')')
  }

  /** After the first item and before its comma: the rest of a tuple, up to `close` (or the end of the text). */
  private readSequenceTail(first: Parsed, depth: number, close: string | undefined): Parsed {
    const items = [first]
    while (this.peek() === ',') {
      this.position += 1
      this.skip(depth > 0)
      if (this.peek() === close || (close === undefined && this.isAtEnd())) break
      items.push(this.readExpression(depth))
      this.skip(depth > 0)
    }
    if (close !== undefined) {
      if (this.peek() !== close) this.fail(`expected ',' or '${close}'`)
      this.position += 1
    }
    return tupleParsed(items)
  }

  private isAtEnd(): boolean {
    const saved = this.position
    this.skip(true)
    const atEnd = this.position >= this.text.length
    this.position = saved
    return atEnd
  }

  private readItems(close: string, depth: number): Parsed[] {
    const items: Parsed[] = []
    this.skip(true)
    while (this.peek() !== close) {
      items.push(this.readExpression(depth))
      this.skip(true)
      if (this.peek() === ',') {
        this.position += 1
        this.skip(true)
      } else if (this.peek() !== close) this.fail(`expected ',' or '${close}'`)
    }
    this.position += 1
    return items
  }

  private readBraces(depth: number): Parsed {
    this.position += 1
    this.skip(true)
    if (this.peek() === '}') {
      this.position += 1
      return { value: {}, kind: 'dict', hashKey: undefined, keyText: '', constant: false }
    }
    const keyStart = this.position
    const first = this.readExpression(depth + 1)
    this.skip(true)
    if (this.peek() !== ':') {
      if (this.peek() === ',') {
        this.position += 1
        const rest = this.readItems('}', depth + 1)
        return setParsed([first, ...rest], keyStart, (reason, at) => this.fail(reason, at))
      }
      if (this.peek() !== '}') this.fail("expected ':', ',' or '}'")
      this.position += 1
      return setParsed([first], keyStart, (reason, at) => this.fail(reason, at))
    }
    return this.readDict(first, keyStart, depth + 1)
  }

  private readDict(firstKey: Parsed, firstKeyStart: number, depth: number): Parsed {
    const entries = new Map<string, { keyText: string; value: unknown }>()
    let key = firstKey
    let keyStart = firstKeyStart
    for (;;) {
      this.position += 1 // the ':'
      const value = this.readExpression(depth)
      if (key.hashKey === undefined) this.fail(`unhashable dict key of type ${key.kind}`, keyStart)
      const existing = entries.get(key.hashKey)
      entries.set(key.hashKey, { keyText: existing?.keyText ?? key.keyText, value: value.value })
      this.skip(true)
      if (this.peek() === ',') {
        this.position += 1
        this.skip(true)
      } else if (this.peek() !== '}') this.fail("expected ',' or '}'")
      if (this.peek() === '}') break
      keyStart = this.position
      key = this.readExpression(depth)
      this.skip(true)
      if (this.peek() !== ':') this.fail("expected ':'")
    }
    this.position += 1
    const object: Record<string, unknown> = {}
    for (const { keyText, value } of entries.values()) {
      Object.defineProperty(object, keyText, { value, enumerable: true, writable: true, configurable: true })
    }
    return { value: object, kind: 'dict', hashKey: undefined, keyText: '', constant: false }
  }
}

function numberParsed(value: number, kind: 'int' | 'float'): Parsed {
  const keyText = kind === 'int' ? String(value) : pythonFloatRepr(value)
  return { value, kind, hashKey: `n:${value}`, keyText, constant: false }
}

/**
 * A tuple. Its hash key and key text are worked out only when the tuple is used as a dict key or set item (and
 * then once): built eagerly, nested tuples would copy their items' keys at every level, and JSON-quoting them
 * (as an earlier version did) doubled their escapes per level.
 */
function tupleParsed(items: readonly Parsed[]): Parsed {
  let hashKey: string | undefined | null = null
  let keyText: string | undefined
  return {
    value: items.map((item) => item.value),
    kind: 'tuple',
    get hashKey(): string | undefined {
      if (hashKey === null) {
        const keys = items.map((item) => item.hashKey)
        // Each item's key prefixed by its length, so different tuples never share a key.
        hashKey = keys.every((key) => key !== undefined) ? `t${keys.length}:${keys.map((key) => `${key.length}:${key}`).join('')}` : undefined
      }
      return hashKey
    },
    get keyText(): string {
      keyText ??= `(${items.map((item) => (item.kind === 'str' ? pythonStringRepr(item.keyText) : item.keyText)).join(', ')}${items.length === 1 ? ',' : ''})`
      return keyText
    },
    constant: false,
  }
}

function setParsed(items: readonly Parsed[], start: number, fail: (reason: string, at: number) => never): Parsed {
  const seen = new Map<string, unknown>()
  for (const item of items) {
    if (item.hashKey === undefined) fail(`unhashable set item of type ${item.kind}`, start)
    if (!seen.has(item.hashKey)) seen.set(item.hashKey, item.value)
  }
  return { value: [...seen.values()], kind: 'set', hashKey: undefined, keyText: '', constant: false }
}
