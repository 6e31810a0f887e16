import { pythonSplitlines } from './python-splitlines.js'
import { pythonStrip } from './python-strip.js'

/** A `[[ ## name ## ]]` header at the start of a (stripped) line; Python's `\w` is Unicode-aware. */
const headerPattern = /^\[\[ ## ([\p{L}\p{N}_]+) ## \]\]/u

/** One section of a ChatAdapter completion: the header's name (`undefined` before the first header) and its text. */
export interface FieldSection {
  readonly name: string | undefined
  readonly text: string
}

/**
 * A ChatAdapter completion cut into sections at `[[ ## name ## ]]` headers, in order, repeats
 * kept. A header counts when it starts the line once the line is stripped; text after it on the
 * same line opens the section. Each section's text is stripped.
 *
 * As in DSPy, the position after the header is measured on the stripped line but applied to the
 * line as written, so an indented header keeps the tail of its own marker (`"  [[ ## a ## ]]"` opens
 * section `a` with `]]`).
 *
 * @example
 * ```ts
 * parseFieldSections('[[ ## answer ## ]] Paris\n\n[[ ## completed ## ]]')
 * // [{ name: undefined, text: '' }, { name: 'answer', text: 'Paris' }, { name: 'completed', text: '' }]
 * ```
 * @see dspy.adapters.chat_adapter.ChatAdapter.parse
 */
export function parseFieldSections(completion: string): FieldSection[] {
  const sections: { name: string | undefined; lines: string[] }[] = [{ name: undefined, lines: [] }]
  for (const line of pythonSplitlines(completion)) {
    const match = headerPattern.exec(pythonStrip(line))
    if (match !== null) {
      const remaining = pythonStrip(line.slice(match[0].length))
      sections.push({ name: match[1], lines: remaining ? [remaining] : [] })
    } else {
      sections.at(-1)?.lines.push(line)
    }
  }
  return sections.map(({ name, lines }) => ({ name, text: pythonStrip(lines.join('\n')) }))
}
