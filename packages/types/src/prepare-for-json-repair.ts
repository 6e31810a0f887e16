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
  let out = ''
  let index = 0
  while (index < text.length) {
    const char = text[index] as string
    if (isQuote(char)) {
      const end = findStringEnd(text, index)
      out += text.slice(index, end)
      index = end
      continue
    }
    const startsWord = /[A-Za-z_]/.test(char) || (char === '-' && text.startsWith('Infinity', index + 1))
    if (startsWord && !isWordCharacter(text[index - 1])) {
      const word = matchAt(bareWordPattern, text, index) ?? char
      out += replace(word) ?? word
      index += word.length
      continue
    }
    out += char
    index += 1
  }
  return out
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

/** For each `(` outside strings, the index of its `)`; unclosed ones are left out. */
function matchParentheses(text: string): Map<number, number> {
  const pairs = new Map<number, number>()
  const open: number[] = []
  let index = 0
  while (index < text.length) {
    const char = text[index] as string
    if (isQuote(char)) {
      index = findStringEnd(text, index)
      continue
    }
    if (char === '(') open.push(index)
    else if (char === ')') {
      const start = open.pop()
      if (start !== undefined) pairs.set(start, index)
    }
    index += 1
  }
  return pairs
}

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9_.]/.test(char)
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
  let out = ''
  let index = 0
  const closings = new Map<number, string>()
  const parentheses = matchParentheses(span)
  while (index < span.length) {
    const char = span[index] as string
    if (isQuote(char)) {
      const end = findStringEnd(span, index)
      out += fixEscapes(span.slice(index, end))
      index = end
      continue
    }
    const previous = span[index - 1]
    if (char === '(' && !isWordCharacter(previous)) {
      const close = parentheses.get(index)
      const tuple = isExplicitTuple(span.slice(index + 1, close ?? span.length))
      if (close !== undefined) closings.set(close, tuple ? ']' : ' ')
      out += tuple ? '[' : ' '
    } else if (char === ')' && closings.has(index)) {
      out += closings.get(index)
    } else if (isWordCharacter(previous)) {
      out += char
    } else if (/[0-9]/.test(char) || ((char === '-' || char === '.') && /[0-9]/.test(span[index + 1] ?? ''))) {
      const run = matchAt(numberRunPattern, span, index) ?? char
      const word = /[A-Za-z]/.test(span[index + run.length] ?? '') ? matchAt(numberLikeWordPattern, span, index) : undefined
      // Like json_repair, a number ending in '-', 'e' or '/' gives that character back.
      const number = word === undefined && /[-eE/]$/.test(run) ? run.slice(0, -1) : run
      out += word ?? normaliseNumber(number)
      index += (word ?? number).length
      continue
    } else if (/[A-Za-z_]/.test(char)) {
      const word = matchAt(wordPattern, span, index) ?? char
      out += normaliseWord(word)
      index += word.length
      continue
    } else {
      out += char
    }
    index += 1
  }
  return out
}

function normaliseWord(word: string): string {
  if (word === 'None' || word === 'undefined') return `"${word}"`
  const lower = word.toLowerCase()
  return lower === 'true' || lower === 'false' || lower === 'null' ? lower : word
}

/** json_repair's number reading: underscores dropped, leading zeros allowed, anything odd kept as text. */
function normaliseNumber(token: string): string {
  const plain = token.replaceAll('_', '')
  if (/^-?\d+$/.test(plain)) return String(BigInt(plain))
  if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(plain)) {
    return plain.replace(/^(-?)\./, '$10.').replace(/\.(?=$|[eE])/, '.0')
  }
  return JSON.stringify(token)
}

function fixEscapes(quoted: string): string {
  let out = ''
  let index = 0
  while (index < quoted.length) {
    const char = quoted[index] as string
    const next = quoted[index + 1]
    if (char !== '\\' || next === undefined) {
      out += char
      index += 1
      continue
    }
    const hex = quoted.slice(index + 2, index + 4)
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out += `\\u00${hex}`
      index += 4
      continue
    }
    out += validEscapes.has(next) ? char + next : `\\\\${next}`
    index += 2
  }
  return out
}
