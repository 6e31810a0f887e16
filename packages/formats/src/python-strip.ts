/**
 * The characters Python's `str.isspace()` accepts: what `str.strip()` and `str.split()` remove.
 * JavaScript's `trim` differs (it strips U+FEFF and keeps U+001C-U+001F and U+0085), and DSPy's
 * prompts and parsers strip with Python's set.
 */
const pythonWhitespace = new Set([
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  '\x1c',
  '\x1d',
  '\x1e',
  '\x1f',
  ' ',
  '\x85',
  '\xa0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
])

/** True when `char` is whitespace to Python (`str.isspace()`). */
export function isPythonWhitespace(char: string): boolean {
  return pythonWhitespace.has(char)
}

/**
 * Python's `str.strip()`: `text` without the whitespace at both ends.
 *
 * @example
 * ```ts
 * pythonStrip('  answer \n') // 'answer'
 * ```
 * @see Python `str.strip`
 */
export function pythonStrip(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && pythonWhitespace.has(text.charAt(start))) start += 1
  while (end > start && pythonWhitespace.has(text.charAt(end - 1))) end -= 1
  return start === 0 && end === text.length ? text : text.slice(start, end)
}
