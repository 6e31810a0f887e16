import { ValueParseError } from './errors/value-parse-error.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'

/**
 * How deeply DSPex nests arrays, objects, sets and maps when it reads LM text or writes values: 1,000 levels (a
 * value inside 1,000 containers is read; one inside 1,001 is refused). Python's default recursion limit is 1,000,
 * so DSPy's JSON reading (`json.loads`, `json_repair`), its printing (`repr`, `json.dumps`) and pydantic stop
 * with a `RecursionError` at about this depth: a typed error is the answer here too, where recursion would
 * otherwise overflow the stack. A value that contains itself counts as too deep.
 */
export const maxNestingDepth = 1000

/**
 * True when `text` has more than `limit` opening `[` and `{` in all: a cheap test (a few native searches) that
 * rules out excessive nesting in JSON text before a value parsed from it is walked.
 */
export function mayNestDeeperThan(text: string, limit = maxNestingDepth): boolean {
  if (text.length <= limit) return false
  let count = 0
  for (const bracket of ['[', '{']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) {
      count += 1
      if (count > limit) return true
    }
  }
  return false
}

/**
 * True when `text`, read as JSON (strings in double quotes, backslash escapes), opens more than `limit` brackets
 * without closing them. Exact for valid JSON, so text that passes gives a value no deeper than `limit`, and text
 * that fails would give one too deep (or is not JSON at all): parsing it is not worth trying. Linear, with native
 * searches through strings.
 */
export function jsonTextNestsDeeperThan(text: string, limit = maxNestingDepth): boolean {
  if (!mayNestDeeperThan(text, limit)) return false
  let depth = 0
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    if (code === 0x5b || code === 0x7b) {
      depth += 1
      if (depth > limit) return true
    } else if (code === 0x5d || code === 0x7d) depth -= 1
    else if (code === 0x22) {
      const end = jsonStringEnd(text, index)
      if (end === -1) return false
      index = end
    }
  }
  return false
}

/** The index of the `"` closing the JSON string opened at `start` (the first one after an even run of backslashes), or -1. */
function jsonStringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const quote = text.indexOf('"', from)
    if (quote === -1) return -1
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1
    if (backslashes % 2 === 0) return quote
    from = quote + 1
  }
}

/** The {@link ValueParseError} for text or a value nested past {@link maxNestingDepth}. */
export function tooDeepToParse(value: unknown, typeName: string): ValueParseError {
  const what = typeof value === 'string' ? 'The text nests' : 'The value nests'
  return new ValueParseError({
    message: `${what} arrays or objects more than ${maxNestingDepth} levels deep (or contains itself); DSPex reads at most ${maxNestingDepth} levels, where Python's recursion limit stops DSPy too.`,
    code: 'value-parse-too-deep',
    value,
    text: typeof value === 'string' ? value : `a value nested more than ${maxNestingDepth} levels deep`,
    typeName,
  })
}

/** The {@link ValueSerializationError} for a value nested past {@link maxNestingDepth}, met at `path`. */
export function tooDeepToWrite(path: string): ValueSerializationError {
  return new ValueSerializationError({
    message: `Cannot write a value nested more than ${maxNestingDepth} levels deep (or one that contains itself): it goes past that depth at ${shortPath(path)}.`,
    code: 'value-serialization-too-deep',
    path,
  })
}

/** A JSON pointer for a message: whole when short, else its start and end around the number of segments left out. */
function shortPath(path: string): string {
  if (path === '') return '/'
  if (path.length <= 80) return path
  const segments = path.split('/')
  return `${segments.slice(0, 4).join('/')}/...(${segments.length - 7} more)/${segments.slice(-3).join('/')}`
}
