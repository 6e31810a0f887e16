const whitespace = new Set([' ', '\t', '\n', '\r'])
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings.
const stringPattern = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y

/**
 * The offset of the first JSON syntax error in `text` (where a strict JSON parser gives up), or
 * `undefined` when the text is valid JSON. Used to name the line of an error, since the engine's
 * message does not always say where it is.
 */
export function jsonErrorPosition(text: string): number | undefined {
  let position = 0
  const skip = (): void => {
    while (position < text.length && whitespace.has(text[position] as string)) position += 1
  }
  const match = (pattern: RegExp): boolean => {
    pattern.lastIndex = position
    if (!pattern.test(text)) return false
    position = pattern.lastIndex
    return true
  }
  // Returns false where the value is malformed, leaving `position` at the offending character.
  const value = (): boolean => {
    skip()
    const char = text[position]
    if (char === '{') return container('}', true)
    if (char === '[') return container(']', false)
    if (char === '"') return match(stringPattern)
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, position)) {
        position += literal.length
        return true
      }
    }
    return match(numberPattern)
  }
  const container = (close: string, isObject: boolean): boolean => {
    position += 1
    skip()
    if (text[position] === close) {
      position += 1
      return true
    }
    for (;;) {
      if (isObject) {
        skip()
        if (!match(stringPattern)) return false
        skip()
        if (text[position] !== ':') return false
        position += 1
      }
      if (!value()) return false
      skip()
      if (text[position] === ',') {
        position += 1
        continue
      }
      if (text[position] !== close) return false
      position += 1
      return true
    }
  }
  if (!value()) return position
  skip()
  return position < text.length ? position : undefined
}
