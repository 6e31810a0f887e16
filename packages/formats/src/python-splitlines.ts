/** The line breaks of Python's `str.splitlines()`, `\r\n` first so it counts as one break. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python breaks lines at U+001C..U+001E.
const lineBreakPattern = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/

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
  if (text === '') return []
  const lines = text.split(lineBreakPattern)
  // A break at the very end adds no empty line.
  if (lines.at(-1) === '') lines.pop()
  return lines
}
