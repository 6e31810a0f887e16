/**
 * The first balanced `{...}` span of `text`, as DSPy finds it with the recursive pattern
 * `\{(?:[^{}]|(?R))*\}`: from each `{` in turn, the span up to the `}` that balances it; a start
 * whose braces never balance is skipped. `undefined` when there is none.
 *
 * @example
 * ```ts
 * firstJSONObjectText('Sure: {"answer": {"x": 1}} done') // '{"answer": {"x": 1}}'
 * ```
 * @see dspy.adapters.json_adapter.JSONAdapter.parse
 */
export function firstJSONObjectText(text: string): string | undefined {
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    let depth = 0
    for (let index = start; index < text.length; index += 1) {
      const char = text[index]
      if (char === '{') depth += 1
      else if (char === '}') {
        depth -= 1
        if (depth === 0) return text.slice(start, index + 1)
      }
    }
  }
  return undefined
}
