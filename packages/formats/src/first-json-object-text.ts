/**
 * The first balanced `{...}` span of `text`, as DSPy finds it with the recursive pattern
 * `\{(?:[^{}]|(?R))*\}`: from each `{` in turn, the span up to the `}` that balances it; a start
 * whose braces never balance is skipped. `undefined` when there is none.
 *
 * Found in one pass, in time linear in the text: each `}` closes the nearest `{` still open, so the
 * answer is the earliest `{` that gets closed (a regex engine, or a scan from each `{`, reads the
 * rest of the text again for every unbalanced `{`).
 *
 * @example
 * ```ts
 * firstJSONObjectText('Sure: {"answer": {"x": 1}} done') // '{"answer": {"x": 1}}'
 * ```
 * @see dspy.adapters.json_adapter.JSONAdapter.parse
 */
export function firstJSONObjectText(text: string): string | undefined {
  const open: number[] = []
  let start = -1
  let end = -1
  for (let index = text.indexOf('{'); index < text.length && index !== -1; index += 1) {
    const code = text.charCodeAt(index)
    if (code === 0x7b) open.push(index)
    else if (code === 0x7d && open.length > 0) {
      const opened = open.pop() as number
      if (start === -1 || opened < start) {
        start = opened
        end = index
      }
      // Nothing is open any more: no `{` before this point is left, and any later one starts later.
      if (open.length === 0) break
    }
  }
  return start === -1 ? undefined : text.slice(start, end + 1)
}
