import { ContainerEnds } from './container-ends.js'
import { ValueParseError } from './errors/value-parse-error.js'
import { jsonTextNestsDeeperThan, tooDeepToParse } from './nesting-depth.js'
import { findContainerEnd, isExplicitTuple, prepareForJSONRepair, replaceBareWords } from './prepare-for-json-repair.js'
import { repairJSON } from './repair-json.js'

const nanMarker = '\u0000dspex:NaN'
const infinityMarker = '\u0000dspex:Infinity'
const negativeInfinityMarker = '\u0000dspex:-Infinity'
const nonFiniteValues: Readonly<Record<string, number>> = {
  [nanMarker]: Number.NaN,
  [infinityMarker]: Number.POSITIVE_INFINITY,
  [negativeInfinityMarker]: Number.NEGATIVE_INFINITY,
}
const nonFiniteMarkers: Readonly<Record<string, string>> = {
  NaN: JSON.stringify(nanMarker),
  Infinity: JSON.stringify(infinityMarker),
  '-Infinity': JSON.stringify(negativeInfinityMarker),
}

/**
 * Python's `json_repair.loads(text)` as DSPy relies on it: valid JSON (Python's dialect, with
 * `NaN` and `Infinity`) is read as is; otherwise the first `{...}`, `[...]` or standalone
 * `(...)` in the text is repaired (quotes, trailing commas, missing brackets, Python constants,
 * markdown fences and prose around it ignored). Text with no such value, like `hello world` or
 * `a, b`, gives `''`, exactly as json_repair does, so that callers can fall back to
 * `ast.literal_eval` or the raw text.
 *
 * Like json_repair, several top-level values become an array, a value followed by another of the
 * same shape is replaced by it (an update), bare `None` inside a value stays the string `'None'`,
 * and `#`, `//` and `/* *\/` comments are skipped.
 *
 * Any text is read in time linear in its length, without recursion that could overflow the stack.
 *
 * @throws {ValueParseError} (code `value-parse-too-deep`, type `Any`) when the value nests arrays or objects more
 *   than 1,000 levels deep (`maxNestingDepth`), where Python's json and json_repair stop with a `RecursionError`.
 * @see json_repair.loads
 */
export function loadRepairedJSON(text: string): unknown {
  const strict = parsePythonJSON(text)
  if (strict.ok) return strict.value
  try {
    return new TopLevelReader(text).read()
  } catch (error) {
    // The repair of one container found it too deep: the error names the whole text.
    if (ValueParseError.isInstance(error) && error.code === 'value-parse-too-deep' && error.value !== text) throw tooDeepToParse(text, 'Any')
    throw error
  }
}

type JSONAttempt = { ok: true; value: unknown } | { ok: false }

/**
 * Python's `json.loads`: standard JSON plus bare `NaN`, `Infinity` and `-Infinity`. `JSON.parse` reads any depth
 * without recursion, but text nesting deeper than `maxNestingDepth` is not tried: as JSON it would give a
 * value Python refuses, and the repair that reads it instead refuses it too.
 */
function parsePythonJSON(text: string): JSONAttempt {
  if (jsonTextNestsDeeperThan(text)) return { ok: false }
  // Most text tried here is not strict JSON, and a reply can hold thousands of small containers: the SyntaxError
  // of each failure costs more than the parse. So short text that cannot be JSON is not tried, and the errors
  // are made without a stack trace.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    if (text.length > quickCheckLength || mayBeStrictJSON(text)) {
      try {
        return { ok: true, value: JSON.parse(text) }
      } catch {}
    }
    if (!text.includes('NaN') && !text.includes('Infinity')) return { ok: false }
    try {
      return { ok: true, value: withNonFiniteNumbers(JSON.parse(replaceBareWords(text, (word) => nonFiniteMarkers[word]))) }
    } catch {
      return { ok: false }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

/** Text up to this length is checked by {@link mayBeStrictJSON} before `JSON.parse` is tried on it. */
const quickCheckLength = 65_536

/** The characters strict JSON has outside strings: brackets, separators, whitespace, number characters and the letters of `true`, `false`, `null`. */
const jsonOutsideStrings = new Set('{}[]:, \t\n\r0123456789+-.eEtrufalsn')

/** False when `text` has a character strict JSON cannot have outside its strings (a quick test; true proves nothing). */
function mayBeStrictJSON(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string
    if (char === '"') {
      // Skip the string: to the next quote after an even run of backslashes.
      for (;;) {
        const quote = text.indexOf('"', index + 1)
        if (quote === -1) return false
        index = quote
        let backslashes = 0
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes += 1
        if (backslashes % 2 === 0) break
      }
    } else if (!jsonOutsideStrings.has(char)) return false
  }
  return true
}

/** The marker strings put in for `NaN` and the infinities replaced by those numbers, in place, without recursion. */
function withNonFiniteNumbers(value: unknown): unknown {
  const marked = (item: unknown): boolean => typeof item === 'string' && Object.hasOwn(nonFiniteValues, item)
  if (marked(value)) return nonFiniteValues[value as string]
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const container = pending.pop()
    if (typeof container !== 'object' || container === null) continue
    const record = container as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const item = record[key]
      if (marked(item))
        Object.defineProperty(record, key, { value: nonFiniteValues[item as string], writable: true, enumerable: true, configurable: true })
      else if (typeof item === 'object' && item !== null) pending.push(item)
    }
  }
  return value
}

/** The container `span` read as Python's JSON, else repaired; `strictTried` when `span` is known not to be strict JSON. */
function repairContainer(span: string, strictTried = false): unknown {
  const strict: JSONAttempt = strictTried ? { ok: false } : parsePythonJSON(span)
  if (strict.ok) return strict.value
  const repaired = repairJSON(prepareForJSONRepair(span))
  if (repaired === undefined) return ''
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return JSON.parse(repaired)
  } catch {
    return ''
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

function isFalsy(value: unknown): boolean {
  if (Array.isArray(value) || typeof value === 'string') return value.length === 0
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0
  return value === null || value === false || value === 0
}

/** json_repair's test for "the same object again": same type, same keys or length, recursively. */
function isSameShape(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false
    return left.every((item, index) => isSameShape(item, right[index]))
  }
  if (typeof left !== typeof right || (left === null) !== (right === null)) return false
  if (typeof left === 'number' && typeof right === 'number') return Number.isInteger(left) === Number.isInteger(right)
  if (typeof left !== 'object' || left === null) return true
  const leftRecord = left as Record<string, unknown>
  const rightRecord = right as Record<string, unknown>
  const keys = Object.keys(leftRecord)
  if (keys.length !== Object.keys(rightRecord).length) return false
  return keys.every((key) => Object.hasOwn(rightRecord, key) && isSameShape(leftRecord[key], rightRecord[key]))
}

class TopLevelReader {
  private index = 0
  /** Where each bracket closes, worked out once a parenthesis needs it (see {@link TopLevelReader.containerEnd}). */
  private ends: ContainerEnds | undefined

  constructor(private readonly text: string) {}

  read(): unknown {
    const first = this.readValue()
    if (this.index >= this.text.length) return first
    const values: unknown[] = [first]
    while (this.index < this.text.length) {
      const commaSeparated = this.nextIsCommaSeparated()
      const value = this.readValue()
      if (isFalsy(value)) {
        this.index += 1
        continue
      }
      const last = values.at(-1)
      if ((!commaSeparated && isSameShape(last, value)) || isFalsy(last)) values.pop()
      values.push(value)
    }
    return values.length === 1 ? values[0] : values
  }

  /** The next value at the top level, skipping prose and comments; `''` when there is none. */
  private readValue(): unknown {
    const { text } = this
    while (this.index < text.length) {
      const char = text[this.index]
      if (char === '{' || char === '[') {
        const { end } = findContainerEnd(text, this.index)
        // The whole text has just failed to parse as strict JSON.
        const value = repairContainer(text.slice(this.index, end), this.index === 0 && end === text.length)
        this.index = end
        return value
      }
      if (char === '(' && this.parenthesisStartsValue()) return this.readParenthesized()
      if (char === '#' || char === '/') this.skipComment()
      else this.index += 1
    }
    return ''
  }

  private skipComment(): void {
    const { text } = this
    const next = text[this.index + 1]
    if (text[this.index] === '#' || next === '/') {
      while (this.index < text.length && text[this.index] !== '\n' && text[this.index] !== '\r') this.index += 1
    } else if (next === '*') {
      const close = text.indexOf('*/', this.index + 2)
      this.index = close === -1 ? text.length : close + 2
    } else this.index += 1
  }

  private nextIsCommaSeparated(): boolean {
    const { text } = this
    let after = this.index
    while (after < text.length && /\s/.test(text[after] as string)) after += 1
    if (text[after] === ',') return true
    let before = this.index - 1
    while (before >= 0 && /\s/.test(text[before] as string)) before -= 1
    return text[before] === ','
  }

  /**
   * A top-level `(` starts a value only when it opens its line, holds something value-like and
   * its `)` ends the line, so prose like `note (see below): {...}` is skipped.
   */
  private parenthesisStartsValue(): boolean {
    const { text, index } = this
    let before = index - 1
    while (before >= 0 && text[before] !== '\n' && text[before] !== '\r') {
      if (!/\s/.test(text[before] as string)) return false
      before -= 1
    }
    let first = index + 1
    while (first < text.length && /\s/.test(text[first] as string)) first += 1
    if (!/^(?:[)[{("'“”0-9.-]|true|false|null)/.test(text.slice(first, first + 5))) return false
    const { end } = this.containerEnd(index)
    return /^[^\S\n\r]*(?:[\n\r]|$)/.test(text.slice(end))
  }

  /**
   * `findContainerEnd` for the parenthesis at `start`. A parenthesis that turns out not to start a value is
   * skipped by one character only, so the reader may ask again for each parenthesis inside it: the ends of all
   * of them are worked out at once, in one pass.
   */
  private containerEnd(start: number): { end: number; closed: boolean } {
    this.ends ??= new ContainerEnds(this.text)
    return this.ends.endOf(start)
  }

  private readParenthesized(): unknown {
    const { end, closed } = this.containerEnd(this.index)
    const inner = this.text.slice(this.index + 1, closed ? end - 1 : end)
    this.index = end
    const items = repairContainer(`[${inner}]`)
    if (!Array.isArray(items)) return ''
    return isExplicitTuple(inner) || items.length !== 1 ? items : items[0]
  }
}
