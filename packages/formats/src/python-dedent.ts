/**
 * Python's `textwrap.dedent`: removes the longest run of spaces and tabs that every non-blank line
 * starts with, and empties lines made only of spaces and tabs. Lines are split at `\n` only, as
 * Python's regular expressions do there.
 *
 * @example
 * ```ts
 * pythonDedent('  a\n    b\n  ') // 'a\n  b\n'
 * ```
 * @see Python `textwrap.dedent`
 */
export function pythonDedent(text: string): string {
  const lines = text.split('\n').map((line) => (/^[ \t]+$/.test(line) ? '' : line))
  let margin: string | undefined
  for (const line of lines) {
    const indent = /^[ \t]*(?=[^ \t\n])/.exec(line)?.[0]
    if (indent === undefined) continue
    if (margin === undefined || margin.startsWith(indent)) margin = indent
    else if (!indent.startsWith(margin)) margin = commonPrefix(margin, indent)
  }
  if (margin === undefined || margin === '') return lines.join('\n')
  const cut = margin
  return lines.map((line) => (line.startsWith(cut) ? line.slice(cut.length) : line)).join('\n')
}

function commonPrefix(left: string, right: string): string {
  let index = 0
  while (index < left.length && index < right.length && left[index] === right[index]) index += 1
  return left.slice(0, index)
}
