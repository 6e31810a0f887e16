import { TextBuilder } from './text-builder.js'

/** The characters Python's json_repair accepts as string delimiters. */
export function isQuote(char: string | undefined): boolean {
  return char === '"' || char === "'" || char === '“' || char === '”'
}

/** The index just after the string starting at `start` (or the end of the text when it is not closed). */
export function findStringEnd(text: string, start: number): number {
  const open = text[start] as string
  const close = open === '“' ? '”' : open
  let index = start + 1
  while (index < text.length) {
    const char = text[index]
    if (char === '\\') index += 2
    else if (char === close || (open === '“' && char === '“')) return index + 1
    else index += 1
  }
  return text.length
}

/** Where the bracket (`{`, `[` or `(`) at `start` is closed: the index just after it, or the end of the text. */
export function findContainerEnd(text: string, start: number): { end: number; closed: boolean } {
  let depth = 0
  let index = start
  while (index < text.length) {
    const char = text[index] as string
    if (isQuote(char)) {
      index = findStringEnd(text, index)
      continue
    }
    if (char === '{' || char === '[' || char === '(') depth += 1
    else if (char === '}' || char === ']' || char === ')') {
      depth -= 1
      if (depth === 0) return { end: index + 1, closed: true }
    }
    index += 1
  }
  return { end: text.length, closed: false }
}

/** True when the text between parentheses is a tuple (`()`, `(1,)`, `(1, 2)`) rather than a grouped value. */
export function isExplicitTuple(inner: string): boolean {
  let depth = 0
  let index = 0
  while (index < inner.length) {
    const char = inner[index] as string
    if (isQuote(char)) {
      index = findStringEnd(inner, index)
      continue
    }
    if (char === '(' || char === '[' || char === '{') depth += 1
    else if (char === ')' || char === ']' || char === '}') depth -= 1
    else if (char === ',' && depth === 0) return true
    index += 1
  }
  return inner.trim() === ''
}

/**
 * Rewrites the unquoted words of a JSON-like text (`None`, `TRUE`, `NaN`, `-Infinity`) with
 * `replace`, leaving strings and words that `replace` returns undefined for alone.
 */
export function replaceBareWords(text: string, replace: (word: string) => string | undefined): string {
  // Unchanged text is copied in slices, from `copyFrom` up to each word that is replaced.
  let out = ''
  let copyFrom = 0
  let index = 0
  while (index < text.length) {
    const char = text[index] as string
    if (isQuote(char)) {
      index = findStringEnd(text, index)
      continue
    }
    const startsWord = isLetterOrUnderscore(char) || (char === '-' && text.startsWith('Infinity', index + 1))
    if (startsWord && !isWordCharacter(text[index - 1])) {
      const word = matchAt(bareWordPattern, text, index) ?? char
      const replacement = replace(word)
      if (replacement !== undefined) {
        out += text.slice(copyFrom, index) + replacement
        copyFrom = index + word.length
      }
      index += word.length
      continue
    }
    index += 1
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom)
}

const bareWordPattern = /-?[A-Za-z0-9_]+/y
const wordPattern = /[A-Za-z0-9_]+/y
const numberRunPattern = /[0-9.eE/_-]+/y
const numberLikeWordPattern = /-?[A-Za-z0-9_.]+/y

/** The match of a sticky `pattern` starting exactly at `index`, without copying the text. */
function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index
  return pattern.exec(text)?.[0]
}

/** For each `(` of a text outside strings: the index of its `)` (-1 when unclosed), and whether it opens a tuple. */
interface Parentheses {
  readonly closeOf: Int32Array
  readonly tuple: Uint8Array
}

/**
 * The parentheses of `text` (outside strings), in one pass: each `(` matched with its `)` (a `]` or `}` does not
 * close one), and whether {@link isExplicitTuple} calls its contents a tuple (a comma at its own depth before its
 * `)`, or before the end of the text when it is not closed, or nothing but whitespace inside). Testing each
 * parenthesis on its own would read nested ones again and again.
 */
function parenthesesOf(text: string): Parentheses {
  const closeOf = new Int32Array(text.length).fill(-1)
  const tuple = new Uint8Array(text.length)
  const open: number[] = []
  // The `(` and commas in order, with the bracket depth after them (every bracket counts, as in isExplicitTuple).
  const events: number[] = []
  const depths: number[] = []
  let depth = 0
  let index = 0
  while (index < text.length) {
    const char = text[index] as string
    if (isQuote(char)) {
      index = findStringEnd(text, index)
      continue
    }
    if (char === '(') {
      depth += 1
      open.push(index)
      events.push(index)
      depths.push(depth)
    } else if (char === '[' || char === '{') depth += 1
    else if (char === ')') {
      depth -= 1
      const start = open.pop()
      if (start !== undefined) closeOf[start] = index
    } else if (char === ']' || char === '}') depth -= 1
    else if (char === ',') {
      events.push(-index - 1)
      depths.push(depth)
    }
    index += 1
  }
  // From the right: the nearest comma at each depth, tested against each `(` at that depth.
  const nextComma = new Map<number, number>()
  for (let at = events.length - 1; at >= 0; at -= 1) {
    const event = events[at] as number
    const eventDepth = depths[at] as number
    if (event < 0) {
      nextComma.set(eventDepth, -event - 1)
      continue
    }
    const close = closeOf[event] as number
    const end = close === -1 ? text.length : close
    const comma = nextComma.get(eventDepth)
    if ((comma !== undefined && comma < end) || text.slice(event + 1, end).trim() === '') tuple[event] = 1
  }
  return { closeOf, tuple }
}

/** ASCII characters the rewriting below copies as they are wherever they stand: all but letters, digits, `_ . - ( )` and quotes. */
const inertASCII = (() => {
  const table = new Uint8Array(128).fill(1)
  for (const char of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-()"\'') table[char.charCodeAt(0)] = 0
  return table
})()

/** True for a character {@link prepareForJSONRepair} copies as it is wherever it stands (the typographic quotes excepted). */
function isInert(code: number): boolean {
  return code < 128 ? inertASCII[code] === 1 : code !== 0x201c && code !== 0x201d
}

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && (isLetterOrUnderscore(char) || isDigit(char) || char === '.')
}

function isLetterOrUnderscore(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_')
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'))
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}

const validEscapes = new Set(['"', '\\', 'b', 'f', 'n', 'r', 't', 'u', "'"])

/**
 * Brings a broken JSON-like container closer to what Python's json_repair reads before the
 * `jsonrepair` package repairs it: bare `None` (and `undefined`) stay strings, `TRUE`/`Null` in any
 * case are constants, tuples `(1, 2)` are arrays and grouped values `(1)` lose their parentheses,
 * `1_000` and `007` are numbers, `1.5.5` is a string, and inside strings `\xHH` is a character
 * while unknown escapes such as `\d` keep their backslash.
 */
export function prepareForJSONRepair(span: string): string {
  // Unchanged text is copied in slices: `emit` writes what precedes `index` since `copyFrom`, then the rewrite.
  const out = new TextBuilder()
  let copyFrom = 0
  let index = 0
  const emit = (rewritten: string, next: number): void => {
    if (index > copyFrom) out.add(span.slice(copyFrom, index))
    out.add(rewritten)
    index = next
    copyFrom = next
  }
  // Each `(` becomes `[` (a tuple) or a space (a grouped value), and so does its `)`.
  const parentheses = span.includes('(') ? parenthesesOf(span) : undefined
  const closings = parentheses === undefined ? undefined : new Uint8Array(span.length)
  while (index < span.length) {
    if (isInert(span.charCodeAt(index))) {
      index += 1
      continue
    }
    const char = span[index] as string
    if (isQuote(char)) {
      const end = findStringEnd(span, index)
      const quoted = span.slice(index, end)
      const fixed = fixEscapes(quoted)
      if (fixed === quoted) index = end
      else emit(fixed, end)
      continue
    }
    const previous = span[index - 1]
    if (char === '(' && parentheses !== undefined && closings !== undefined && !isWordCharacter(previous)) {
      const close = parentheses.closeOf[index] as number
      const tuple = parentheses.tuple[index] === 1
      if (close !== -1) closings[close] = tuple ? 1 : 2
      emit(tuple ? '[' : ' ', index + 1)
    } else if (char === ')' && closings !== undefined && closings[index] !== 0) {
      emit(closings[index] === 1 ? ']' : ' ', index + 1)
    } else if (isWordCharacter(previous)) {
      index += 1
    } else if (isDigit(char) || ((char === '-' || char === '.') && isDigit(span[index + 1]))) {
      const plainEnd = plainIntegerEnd(span, index)
      if (plainEnd !== -1) {
        index = plainEnd
        continue
      }
      const run = matchAt(numberRunPattern, span, index) ?? char
      const word = isLetter(span[index + run.length]) ? matchAt(numberLikeWordPattern, span, index) : undefined
      // Like json_repair, a number ending in '-', 'e' or '/' gives that character back.
      const number = word === undefined && '-eE/'.includes(run.at(-1) as string) ? run.slice(0, -1) : run
      const rewritten = word ?? normaliseNumber(number)
      const next = index + (word ?? number).length
      if (rewritten === span.slice(index, next)) index = next
      else emit(rewritten, next)
    } else if (isLetterOrUnderscore(char)) {
      const word = matchAt(wordPattern, span, index) ?? char
      const rewritten = normaliseWord(word)
      if (rewritten === word) index += word.length
      else emit(rewritten, index + word.length)
    } else {
      index += 1
    }
  }
  if (copyFrom === 0) return span
  out.add(span.slice(copyFrom))
  return out.toString()
}

/**
 * Where the number at `start` ends when it is plain digits that the number rules below leave as they are (no
 * leading zero, nothing after it that would make it a longer token or a word); -1 otherwise. Most numbers are.
 */
function plainIntegerEnd(span: string, start: number): number {
  if (span[start] === '0' || !isDigit(span[start])) return -1
  let end = start + 1
  while (isDigit(span[end])) end += 1
  const next = span[end]
  return next !== undefined && (isLetter(next) || '._eE/-'.includes(next)) ? -1 : end
}

function normaliseWord(word: string): string {
  if (word === 'None' || word === 'undefined') return `"${word}"`
  const lower = word.toLowerCase()
  return lower === 'true' || lower === 'false' || lower === 'null' ? lower : word
}

/** json_repair's number reading: underscores dropped, leading zeros allowed, anything odd kept as text. */
function normaliseNumber(token: string): string {
  const plain = token.replaceAll('_', '')
  if (/^-?\d+$/.test(plain)) return withoutLeadingZeros(plain)
  // No nested quantifiers: each digit can be matched one way only, so a long run fails in linear time.
  if (/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(plain)) {
    return plain.replace(/^(-?)\./, '$10.').replace(/\.(?=$|[eE])/, '.0')
  }
  return JSON.stringify(token)
}

/** An integer's digits as `String(BigInt(digits))` writes them (`007` as `7`, `-0` as `0`), without the quadratic BigInt conversion. */
function withoutLeadingZeros(digits: string): string {
  const negative = digits.startsWith('-')
  let first = negative ? 1 : 0
  while (first < digits.length - 1 && digits[first] === '0') first += 1
  const magnitude = digits.slice(first)
  return negative && magnitude !== '0' ? `-${magnitude}` : magnitude
}

function fixEscapes(quoted: string): string {
  // Most strings have no escape to fix: they are returned as they are, and others copied in slices between fixes.
  if (!quoted.includes('\\')) return quoted
  let out = ''
  let copyFrom = 0
  let index = 0
  while (index < quoted.length) {
    const char = quoted[index] as string
    const next = quoted[index + 1]
    if (char !== '\\' || next === undefined) {
      index += 1
      continue
    }
    const hex = quoted.slice(index + 2, index + 4)
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out += `${quoted.slice(copyFrom, index)}\\u00${hex}`
      index += 4
      copyFrom = index
      continue
    }
    if (!validEscapes.has(next)) {
      out += `${quoted.slice(copyFrom, index)}\\\\${next}`
      copyFrom = index + 2
    }
    index += 2
  }
  return copyFrom === 0 ? quoted : out + quoted.slice(copyFrom)
}
