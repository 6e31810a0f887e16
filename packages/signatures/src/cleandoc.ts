/**
 * Python's `inspect.cleandoc`, which DSPy applies to every signature's instructions: tabs
 * expanded to 8 columns, leading whitespace of the first line removed, the common indentation of
 * the other lines removed, and blank lines at the start and end dropped.
 *
 * @see inspect.cleandoc
 */
export function cleandoc(text: string): string {
  if (!text.includes('\n') && !text.includes('\t')) return text.trimStart()
  const lines = text.split('\n').map(expandTabs)
  let margin = Number.POSITIVE_INFINITY
  for (const line of lines.slice(1)) {
    const content = line.trimStart()
    if (content.length > 0) margin = Math.min(margin, line.length - content.length)
  }
  lines[0] = (lines[0] ?? '').trimStart()
  if (margin !== Number.POSITIVE_INFINITY) {
    for (let index = 1; index < lines.length; index += 1) lines[index] = (lines[index] as string).slice(margin)
  }
  while (lines.length > 0 && lines.at(-1) === '') lines.pop()
  while (lines.length > 0 && lines[0] === '') lines.shift()
  return lines.join('\n')
}

/** Python's `str.expandtabs()` with 8-column tab stops. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line
  let out = ''
  for (const char of line) {
    if (char === '\t') out += ' '.repeat(8 - (out.length % 8))
    else out += char
  }
  return out
}
