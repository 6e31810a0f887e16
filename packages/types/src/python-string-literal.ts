import { PythonLiteralError } from './errors/python-literal-error.js'

const escapes: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
}

interface Cursor {
  readonly text: string
  position: number
}

/**
 * Reads the body of a Python string literal whose opening quote is at `start` (after any
 * prefix): single or triple quoted, with escapes unless `raw` (`\xHH`, `\u`, octal, a backslash
 * before a newline; unknown escapes keep their backslash, and `bytes` take no `\u`). Used by
 * `parsePythonLiteral`.
 *
 * @returns the string's value and the index just after its closing quote.
 * @throws {PythonLiteralError} for an unterminated string or a broken escape.
 */
export function readPythonStringBody(text: string, start: number, raw: boolean, bytes: boolean): { value: string; end: number } {
  const cursor: Cursor = { text, position: start }
  const value = readBody(cursor, raw, bytes)
  return { value, end: cursor.position }
}

function fail(cursor: Cursor, reason: string, at = cursor.position): never {
  throw PythonLiteralError.at(cursor.text, at, reason)
}

function readBody(cursor: Cursor, raw: boolean, bytes: boolean): string {
  const start = cursor.position
  const quote = cursor.text[start] as string
  const delimiter = cursor.text.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote
  cursor.position += delimiter.length
  let out = ''
  for (;;) {
    const char = cursor.text[cursor.position]
    if (char === undefined) fail(cursor, 'unterminated string', start)
    if (cursor.text.startsWith(delimiter, cursor.position)) {
      cursor.position += delimiter.length
      return out
    }
    if ((char === '\n' || char === '\r') && delimiter.length === 1) fail(cursor, 'unterminated string', start)
    if (char === '\\') {
      const next = cursor.text[cursor.position + 1]
      if (next === undefined) fail(cursor, 'unterminated string', start)
      if (raw) {
        out += char + next
        cursor.position += 2
      } else out += readEscape(cursor, bytes)
      continue
    }
    if (bytes && char.charCodeAt(0) > 0x7f) fail(cursor, 'bytes can only contain ASCII characters')
    out += char
    cursor.position += 1
  }
}

function readEscape(cursor: Cursor, bytes: boolean): string {
  const start = cursor.position
  const next = cursor.text[start + 1] as string
  cursor.position += 2
  if (next === '\n') return ''
  if (next === '\r') {
    if (cursor.text[cursor.position] === '\n') cursor.position += 1
    return ''
  }
  const simple = escapes[next]
  if (simple !== undefined) return simple
  if (/[0-7]/.test(next)) {
    const digits = /^[0-7]{1,3}/.exec(cursor.text.slice(start + 1, start + 4))?.[0] ?? next
    cursor.position = start + 1 + digits.length
    return String.fromCodePoint(Number.parseInt(digits, 8))
  }
  const width = next === 'x' ? 2 : bytes ? 0 : next === 'u' ? 4 : next === 'U' ? 8 : 0
  if (width > 0) {
    const digits = cursor.text.slice(start + 2, start + 2 + width)
    if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) fail(cursor, `truncated \\${next} escape`, start)
    const code = Number.parseInt(digits, 16)
    if (code > 0x10ffff) fail(cursor, 'the escape is outside the Unicode range', start)
    cursor.position = start + 2 + width
    return String.fromCodePoint(code)
  }
  if (next === 'N' && !bytes) fail(cursor, '\\N{...} escapes are not supported', start)
  return `\\${next}`
}
