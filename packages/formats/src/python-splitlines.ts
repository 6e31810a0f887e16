/** The characters Python's `str.splitlines()` breaks lines at (`\r\n` counts as one break). */
const lineBreaks = new Set(['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'])

/**
 * Python's `str.splitlines()`: the lines of `text` without their line breaks. Besides `\n`,
 * `\r\n` and `\r`, Python breaks lines at `\v`, `\f`, U+001C-U+001E, U+0085, U+2028 and U+2029;
 * a break at the very end adds no empty line, and `''` has no lines.
 *
 * @example
 * ```ts
 * pythonSplitlines('a\r\nb\n') // ['a', 'b']
 * ```
 * @see Python `str.splitlines`
 */
export function pythonSplitlines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index)
    if (!lineBreaks.has(char)) continue
    lines.push(text.slice(start, index))
    if (char === '\r' && text.charAt(index + 1) === '\n') index += 1
    start = index + 1
  }
  if (start < text.length) lines.push(text.slice(start))
  return lines
}
