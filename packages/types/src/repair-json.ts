// The repair rules of the `jsonrepair` package 3.15.0 (https://github.com/josdejong/jsonrepair), rewritten so
// that every input is repaired in linear time and no nesting overflows the stack.
// jsonrepair: Copyright (c) 2020-2026 by Jos de Jong. Permission to use, copy, modify, and/or distribute this
// software for any purpose with or without fee is hereby granted, provided that the above copyright notice and
// this permission notice appear in all copies. THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL
// WARRANTIES WITH REGARD TO THIS SOFTWARE.
import { maxNestingDepth, tooDeepToParse } from './nesting-depth.js'
import { RepairOutput } from './repair-output.js'
import { TextBuilder } from './text-builder.js'

/** Thrown inside the repairer for text it cannot repair; {@link repairJSON} turns it into `undefined`. */
const unrepairable: unique symbol = Symbol('unrepairable')

const controlCharacters: Readonly<Record<string, string>> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' }
const escapeCharacters = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const namedHTMLEntities: Readonly<Record<string, string>> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&apos;': "'" }
/** The longest entity recognised (`&#x10FFFF;`) fits in this many characters. */
const maxHTMLEntityLength = 12
const urlStartPattern = /^(http|https|ftp|mailto|file|data|irc):\/\/$/
const urlCharPattern = /^[A-Za-z0-9-._~:/?#@!$&'()*+;=]$/
const startOfValuePattern = /^[[{\w-]$/

/**
 * JSON-like text repaired into JSON text, by jsonrepair's rules: quotes added or normalised, missing commas,
 * colons, values and closing brackets added, trailing commas, comments, markdown fences, ellipses and JSONP or
 * MongoDB wrappers removed, Python constants and HTML-entity quotes turned into JSON, and several values on
 * their own lines made an array. Runs in time linear in the text, whatever its shape.
 *
 * @returns the repaired JSON text, or `undefined` when jsonrepair would give up (it throws there).
 * @throws {ValueParseError} (code `value-parse-too-deep`) when containers nest more than {@link maxNestingDepth} levels.
 * @see jsonrepair
 */
export function repairJSON(text: string): string | undefined {
  try {
    return new JSONRepairer(text).repair()
  } catch (error) {
    if (error === unrepairable) return undefined
    throw error
  }
}

/** The characters jsonrepair treats as whitespace it keeps: space, tab, line feed and carriage return. */
function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d
}

function isWhitespaceExceptNewlineCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d
}

/** Unicode spaces jsonrepair replaces with a plain space. */
function isSpecialWhitespaceCode(code: number): boolean {
  return (
    code === 0xa0 || code === 0x180e || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/** Flags of the ASCII characters the repair tells apart, looked up by code. */
const delimiterFlag = 1
const unquotedDelimiterFlag = 2
const functionNameStartFlag = 4
const digitFlag = 8
const asciiFlags = (() => {
  const flags = new Uint8Array(128)
  const mark = (characters: string, flag: number): void => {
    for (const char of characters) flags[char.charCodeAt(0)] = (flags[char.charCodeAt(0)] as number) | flag
  }
  mark(',:[]/{}()\n+', delimiterFlag)
  mark(',[]/{}\n+', unquotedDelimiterFlag)
  mark('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$', functionNameStartFlag)
  mark('0123456789', digitFlag)
  return flags
})()

function hasFlag(char: string | undefined, flag: number): boolean {
  if (char === undefined) return false
  const code = char.charCodeAt(0)
  return code < 128 && ((asciiFlags[code] as number) & flag) !== 0
}

function isDigit(char: string | undefined): boolean {
  return hasFlag(char, digitFlag)
}

function isHex(char: string | undefined): boolean {
  return char !== undefined && /^[0-9A-Fa-f]$/.test(char)
}

/** jsonrepair's delimiters (the empty string counts, as in its `String.includes` test). */
function isDelimiter(char: string | undefined): boolean {
  return char === '' || hasFlag(char, delimiterFlag)
}

function isUnquotedStringDelimiter(char: string | undefined): boolean {
  return char === '' || hasFlag(char, unquotedDelimiterFlag)
}

function isFunctionNameCharStart(char: string | undefined): boolean {
  return hasFlag(char, functionNameStartFlag)
}

function isFunctionNameChar(char: string | undefined): boolean {
  return hasFlag(char, functionNameStartFlag | digitFlag)
}

function isDoubleQuote(char: string | undefined): boolean {
  return char === '"'
}

function isDoubleQuoteLike(char: string | undefined): boolean {
  return char === '"' || char === '\u201c' || char === '\u201d'
}

function isSingleQuote(char: string | undefined): boolean {
  return char === "'"
}

function isSingleQuoteLike(char: string | undefined): boolean {
  return char === "'" || char === '\u2018' || char === '\u2019' || char === '`' || char === '\u00b4'
}

function isQuote(char: string | undefined): boolean {
  return isDoubleQuoteLike(char) || isSingleQuoteLike(char)
}

/** ASCII characters that end an unquoted string: its delimiters and quotes (and `:` in a key). */
const unquotedStringEnds = (() => {
  const ends = new Uint8Array(128)
  for (const char of ',[]/{}\n+"\'`') ends[char.charCodeAt(0)] = 1
  ends[0x3a] = 2
  return ends
})()

/** `!isUnquotedStringDelimiter(char) && !isQuote(char) && (!isKey || char !== ':')`, negated, by code. */
function endsUnquotedString(code: number, isKey: boolean): boolean {
  if (code < 128) {
    const end = unquotedStringEnds[code] as number
    return end === 1 || (end === 2 && isKey)
  }
  return code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019 || code === 0xb4
}

function isStartOfValue(char: string | undefined): boolean {
  return char !== undefined && (isQuote(char) || startOfValuePattern.test(char))
}

function isControlCharacter(char: string): boolean {
  return char === '\n' || char === '\r' || char === '\t' || char === '\b' || char === '\f'
}

interface HTMLEntity {
  readonly char: string
  readonly length: number
}

/** The HTML entity (`&quot;`, `&#39;`, `&#x22;`) at the start of `fragment`, if it is a complete one. */
function matchHTMLEntity(fragment: string): HTMLEntity | undefined {
  if (fragment.charAt(0) !== '&') return undefined
  const semicolon = fragment.indexOf(';')
  if (semicolon === -1) return undefined
  const entity = fragment.slice(0, semicolon + 1)
  const named = namedHTMLEntities[entity]
  if (named !== undefined) return { char: named, length: entity.length }
  if (fragment.charAt(1) !== '#') return undefined
  const body = fragment.slice(2, semicolon)
  const hex = body.charAt(0) === 'x' || body.charAt(0) === 'X'
  const digits = hex ? body.slice(1) : body
  if (digits.length === 0) return undefined
  const code = Number.parseInt(digits, hex ? 16 : 10)
  return Number.isNaN(code) || code < 0 || code > 0x10ffff ? undefined : { char: String.fromCodePoint(code), length: entity.length }
}

/** `text` with `insert` placed before its trailing whitespace. */
function insertBeforeTrailingWhitespace(text: string, insert: string): string {
  let end = text.length
  while (end > 0 && isWhitespaceCode(text.charCodeAt(end - 1))) end -= 1
  return end === text.length ? text + insert : text.slice(0, end) + insert + text.slice(end)
}

/** How many of each bracket a string being read holds, so a quote followed by a closing bracket is judged in constant time. */
class BracketCounts {
  private parentheses = 0
  private closedParentheses = 0
  private squares = 0
  private closedSquares = 0
  private braces = 0
  private closedBraces = 0

  /** Starts counting again, for another string. */
  reset(): void {
    this.parentheses = 0
    this.closedParentheses = 0
    this.squares = 0
    this.closedSquares = 0
    this.braces = 0
    this.closedBraces = 0
  }

  /** Counts the brackets in `text` from `start` to `end`. */
  add(text: string, start = 0, end = text.length): void {
    for (let index = start; index < end; index += 1) {
      switch (text.charCodeAt(index)) {
        case 0x28:
          this.parentheses += 1
          break
        case 0x29:
          this.closedParentheses += 1
          break
        case 0x5b:
          this.squares += 1
          break
        case 0x5d:
          this.closedSquares += 1
          break
        case 0x7b:
          this.braces += 1
          break
        case 0x7d:
          this.closedBraces += 1
          break
      }
    }
  }

  /** jsonrepair's `isInsideUnclosedBracket`: `close` is a closing bracket whose opening one the string left unclosed. */
  leavesOpen(close: string | undefined): boolean {
    if (close === ')') return this.parentheses > this.closedParentheses
    if (close === ']') return this.squares > this.closedSquares
    if (close === '}') return this.braces > this.closedBraces
    return false
  }
}

/** The sorted positions of every occurrence of `pattern` in `text`, found with native searches. */
function occurrences(text: string, pattern: string): Int32Array {
  const found: number[] = []
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.push(at)
  return Int32Array.from(found)
}

/** The first position in the sorted `positions` at or after `from`, or -1. */
function firstAtOrAfter(positions: Int32Array, from: number): number {
  let low = 0
  let high = positions.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((positions[middle] as number) < from) low = middle + 1
    else high = middle
  }
  return low < positions.length ? (positions[low] as number) : -1
}

class JSONRepairer {
  private i = 0
  private readonly output: RepairOutput
  private depth = 0
  private blockCommentEnds: Int32Array | undefined
  private lineEnds: Int32Array | undefined
  private readonly stringText = new TextBuilder()
  private readonly brackets = new BracketCounts()

  constructor(private readonly text: string) {
    this.output = new RepairOutput(text)
  }

  repair(): string {
    const { text, output } = this
    this.parseMarkdownCodeBlock(['```', '[```', '{```'])
    if (!this.parseValue()) throw unrepairable
    this.parseMarkdownCodeBlock(['```', '```]', '```}'])
    const processedComma = this.parseCharacter(',')
    if (processedComma) this.parseWhitespaceAndSkipComments()
    if (isStartOfValue(text[this.i]) && output.endsWithCommaOrNewline()) {
      // Several values, one per line: newline-delimited JSON becomes an array.
      if (!processedComma) output.insertBeforeTrailingWhitespace(',')
      this.parseNewlineDelimitedJSON()
    } else if (processedComma) {
      output.stripLast(',')
    }
    // Redundant closing brackets are dropped.
    while (text[this.i] === '}' || text[this.i] === ']') {
      this.i += 1
      this.parseWhitespaceAndSkipComments()
    }
    if (this.i >= text.length) return output.toString()
    throw unrepairable
  }

  private parseValue(): boolean {
    this.parseWhitespaceAndSkipComments()
    // jsonrepair tries object, array, string, number, keyword, unquoted string and regex in turn; an object or an
    // array is known from its first character.
    const char = this.text[this.i]
    const processed =
      char === '{'
        ? this.parseObject()
        : char === '['
          ? this.parseArray()
          : this.parseString() || this.parseNumber() || this.parseKeywords() || this.parseUnquotedString(false) || this.parseRegex()
    this.parseWhitespaceAndSkipComments()
    return processed
  }

  /** Enters a container (or a function call), refusing to go past {@link maxNestingDepth} levels. */
  private enter(): void {
    this.depth += 1
    if (this.depth > maxNestingDepth) throw tooDeepToParse(this.text, 'Any')
  }

  /** Skips whitespace and comments, writing the whitespace (normalised) to the output unless `emit` is false. */
  private parseWhitespaceAndSkipComments(skipNewline = true, emit = true): boolean {
    const code = this.text.charCodeAt(this.i)
    // Neither whitespace nor a `/` that could open a comment: nothing to skip (most calls).
    if (code !== 0x2f && !isWhitespaceCode(code) && !isSpecialWhitespaceCode(code)) return false
    const start = this.i
    let changed = this.parseWhitespace(skipNewline, emit)
    do {
      changed = this.parseComment()
      if (changed) changed = this.parseWhitespace(skipNewline, emit)
    } while (changed)
    return this.i > start
  }

  private parseWhitespace(skipNewline: boolean, emit = true): boolean {
    const { text } = this
    const start = this.i
    let copyFrom = start
    for (;;) {
      const code = text.charCodeAt(this.i)
      if (skipNewline ? isWhitespaceCode(code) : isWhitespaceExceptNewlineCode(code)) this.i += 1
      else if (isSpecialWhitespaceCode(code)) {
        // Unicode spaces become plain ones.
        if (emit) {
          this.output.copyWhitespace(copyFrom, this.i)
          this.output.push(' ')
        }
        this.i += 1
        copyFrom = this.i
      } else break
    }
    if (emit) this.output.copyWhitespace(copyFrom, this.i)
    return this.i > start
  }

  private parseComment(): boolean {
    const { text } = this
    if (text[this.i] === '/' && text[this.i + 1] === '*') {
      this.blockCommentEnds ??= occurrences(text, '*/')
      const end = firstAtOrAfter(this.blockCommentEnds, this.i + 1)
      this.i = (end === -1 ? text.length : end) + 2
      return true
    }
    if (text[this.i] === '/' && text[this.i + 1] === '/') {
      this.lineEnds ??= occurrences(text, '\n')
      const end = firstAtOrAfter(this.lineEnds, this.i)
      this.i = end === -1 ? Math.max(this.i, text.length) : end
      return true
    }
    return false
  }

  private parseMarkdownCodeBlock(blocks: readonly string[]): boolean {
    if (!this.skipMarkdownCodeBlock(blocks)) return false
    const { text } = this
    if (isFunctionNameCharStart(text[this.i])) {
      while (this.i < text.length && isFunctionNameChar(text[this.i])) this.i += 1
    }
    this.parseWhitespaceAndSkipComments()
    return true
  }

  private skipMarkdownCodeBlock(blocks: readonly string[]): boolean {
    this.parseWhitespace(true)
    for (const block of blocks) {
      if (this.text.startsWith(block, this.i)) {
        this.i += block.length
        return true
      }
    }
    return false
  }

  private parseCharacter(char: string): boolean {
    if (this.text[this.i] !== char) return false
    this.output.copy(this.i, this.i + 1)
    this.i += 1
    return true
  }

  private skipCharacter(char: string): boolean {
    if (this.text[this.i] !== char) return false
    this.i += 1
    return true
  }

  /** Skips an ellipsis (`[1, 2, ...]`) and a comma after it. */
  private skipEllipsis(): boolean {
    this.parseWhitespaceAndSkipComments()
    if (!this.text.startsWith('...', this.i)) return false
    this.i += 3
    this.parseWhitespaceAndSkipComments()
    this.skipCharacter(',')
    return true
  }

  private parseObject(): boolean {
    const { text, output } = this
    if (text[this.i] !== '{') return false
    this.enter()
    output.copy(this.i, this.i + 1)
    this.i += 1
    this.parseWhitespaceAndSkipComments()
    if (this.skipCharacter(',')) this.parseWhitespaceAndSkipComments()
    let initial = true
    while (this.i < text.length && text[this.i] !== '}') {
      if (!initial) {
        if (!this.parseCharacter(',')) output.insertBeforeTrailingWhitespace(',')
        this.parseWhitespaceAndSkipComments()
      }
      this.skipEllipsis()
      const processedKey = this.parseString() || this.parseUnquotedString(true)
      if (!processedKey) {
        const char = text[this.i]
        if (char !== '}' && char !== '{' && char !== ']' && char !== '[' && char !== undefined) throw unrepairable
        if (!initial) output.stripLast(',')
        break
      }
      this.parseWhitespaceAndSkipComments()
      const processedColon = this.parseCharacter(':')
      const truncatedText = this.i >= text.length
      if (!processedColon) {
        if (!isStartOfValue(text[this.i]) && !truncatedText) throw unrepairable
        output.insertBeforeTrailingWhitespace(':')
      }
      if (!this.parseValue()) {
        if (!processedColon && !truncatedText) throw unrepairable
        output.push('null')
      }
      initial = false
    }
    if (text[this.i] === '}') {
      output.copy(this.i, this.i + 1)
      this.i += 1
    } else {
      output.insertBeforeTrailingWhitespace('}')
    }
    this.depth -= 1
    return true
  }

  private parseArray(): boolean {
    const { text, output } = this
    if (text[this.i] !== '[') return false
    this.enter()
    output.copy(this.i, this.i + 1)
    this.i += 1
    this.parseWhitespaceAndSkipComments()
    if (this.skipCharacter(',')) this.parseWhitespaceAndSkipComments()
    let initial = true
    while (this.i < text.length && text[this.i] !== ']') {
      if (!initial && !this.parseCharacter(',')) output.insertBeforeTrailingWhitespace(',')
      this.skipEllipsis()
      if (!this.parseValue()) {
        if (!initial) output.stripLast(',')
        break
      }
      initial = false
    }
    if (text[this.i] === ']') {
      output.copy(this.i, this.i + 1)
      this.i += 1
    } else {
      output.insertBeforeTrailingWhitespace(']')
    }
    this.depth -= 1
    return true
  }

  /** Values one per line (NDJSON), wrapped into an array. */
  private parseNewlineDelimitedJSON(): void {
    let initial = true
    let processedValue = true
    while (processedValue) {
      if (!initial) {
        if (!this.parseCharacter(',')) this.output.insertBeforeTrailingWhitespace(',')
      } else {
        initial = false
      }
      processedValue = this.parseValue()
    }
    this.output.stripLast(',')
    this.output.wrap('[\n', '\n]')
  }

  /**
   * A string in double, single or typographic quotes (or opened by an HTML entity), with its escapes repaired.
   * First read assuming it has a real end quote (a quote followed by a delimiter, the end, or another value);
   * when that fails it is read again, stopping at the next delimiter or at `stopAtIndex`. `concatenate` reads
   * `"a" + "b"` concatenations after it (off when this string is itself the right side of one).
   */
  private parseString(stopAtDelimiter = false, stopAtIndex = -1, concatenate = true): boolean {
    const { text, output } = this
    const skipEscapeChars = text[this.i] === '\\'
    if (skipEscapeChars) {
      this.i += 1
      if (!isQuote(text[this.i])) throw unrepairable
    }
    const openEntity = text[this.i] === '&' ? matchHTMLEntity(text.slice(this.i, this.i + maxHTMLEntityLength)) : undefined
    const openedByEntity = openEntity !== undefined && (openEntity.char === '"' || openEntity.char === "'")
    if (!isQuote(text[this.i]) && !openedByEntity) return false
    const opening = text[this.i]
    const isEndQuote = isDoubleQuote(opening)
      ? isDoubleQuote
      : isSingleQuote(opening)
        ? isSingleQuote
        : isSingleQuoteLike(opening)
          ? isSingleQuoteLike
          : isDoubleQuoteLike
    const iBefore = this.i
    const oBefore = output.length
    const brackets = this.brackets
    brackets.reset()
    // The string as repaired so far, opening quote included (one builder serves every string, read one at a time).
    const str = this.stringText
    str.reset()
    str.add('"')
    // Whether the string is written exactly as it stands in the source (then it is copied as a range).
    let verbatim = opening === '"' && !skipEscapeChars && !openedByEntity
    const add = (piece: string): void => {
      str.add(piece)
      brackets.add(piece)
      verbatim = false
    }
    this.i += openedByEntity ? openEntity.length : 1
    // Plain characters (those the branches below would copy one by one) are copied as a run.
    const runs = !skipEscapeChars && !openedByEntity
    for (;;) {
      if (runs) {
        const runStart = this.i
        for (;;) {
          if (this.i >= text.length || this.i === stopAtIndex) break
          if (text[this.i] === '\\') {
            // A valid escape is copied as it is: `\n`, `\"`, `\u00e9`.
            const escaped = text.charAt(this.i + 1)
            if (escapeCharacters.has(escaped)) this.i += 2
            else if (escaped === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(this.i + 2, this.i + 6))) this.i += 6
            else break
          } else if (this.isPlainStringCharacter(isEndQuote, stopAtDelimiter)) this.i += 1
          else break
        }
        if (this.i > runStart) {
          str.add(text.slice(runStart, this.i))
          brackets.add(text, runStart, this.i)
        }
      }
      if (this.i >= text.length) {
        // The end of the text: the end quote is missing.
        const iPrev = this.prevNonWhitespaceIndex(this.i - 1)
        if (!stopAtDelimiter && isDelimiter(text.charAt(iPrev))) {
          // Like `["hello]`: the quote belongs before the delimiter; read again, stopping at the first delimiter.
          this.i = iBefore
          output.truncate(oBefore)
          return this.parseString(true, -1, concatenate)
        }
        output.push(insertBeforeTrailingWhitespace(str.toString(), '"'))
        return true
      }
      if (this.i === stopAtIndex) {
        output.push(insertBeforeTrailingWhitespace(str.toString(), '"'))
        return true
      }
      const char = text[this.i] as string
      const entity = openedByEntity && char === '&' ? matchHTMLEntity(text.slice(this.i, this.i + maxHTMLEntityLength)) : undefined
      const isEnd = entity !== undefined ? entity.char === openEntity?.char : isEndQuote(char)
      if (isEnd) {
        const iQuote = this.i
        this.i += entity === undefined ? 1 : entity.length
        const afterQuote = this.i
        // Look past the whitespace and comments after the quote (writing them only once the quote is taken as the end).
        this.parseWhitespaceAndSkipComments(false, false)
        const next = text[this.i]
        if (
          stopAtDelimiter ||
          this.i >= text.length ||
          (isDelimiter(next) && !brackets.leavesOpen(next)) ||
          (isQuote(next) && !this.nextQuoteIsEndQuote(this.i)) ||
          isDigit(next)
        ) {
          // Followed by the end, a delimiter or another value: this is the end quote.
          this.i = afterQuote
          if (verbatim) output.copy(iBefore, afterQuote)
          else output.push(`${str.toString()}"`)
          this.parseWhitespaceAndSkipComments(false)
          if (concatenate) this.parseConcatenatedString()
          return true
        }
        if (next === '\\') throw unrepairable
        const iPrevChar = this.prevNonWhitespaceIndex(iQuote - 1)
        const prevChar = text.charAt(iPrevChar)
        if (prevChar === ',') {
          // Like `{"a":"b,c,"d":"e"}`: the end quote was missing before the comma.
          this.i = iBefore
          output.truncate(oBefore)
          return this.parseString(false, iPrevChar, concatenate)
        }
        if (isDelimiter(prevChar)) {
          // Preceded by a delimiter and not followed by one: an end quote is missing; read again up to a delimiter.
          this.i = iBefore
          output.truncate(oBefore)
          return this.parseString(true, -1, concatenate)
        }
        // An unescaped quote inside the string: escape it and read on.
        this.i = iQuote + (entity === undefined ? 1 : entity.length)
        str.add('\\"')
        verbatim = false
      } else if (stopAtDelimiter && isUnquotedStringDelimiter(char)) {
        if (text[this.i - 1] === ':' && urlStartPattern.test(text.slice(iBefore + 1, this.i + 2))) {
          // The start of a URL (`https://`) is not a comment.
          while (this.i < text.length && urlCharPattern.test(text[this.i] as string)) {
            add(text[this.i] as string)
            this.i += 1
          }
        }
        output.push(insertBeforeTrailingWhitespace(str.toString(), '"'))
        if (concatenate) this.parseConcatenatedString()
        return true
      } else if (entity !== undefined) {
        if (entity.char === '"') add('\\"')
        else if (isControlCharacter(entity.char)) add(controlCharacters[entity.char] as string)
        else add(entity.char)
        this.i += entity.length
      } else if (char === '\\') {
        const escaped = text.charAt(this.i + 1)
        if (escapeCharacters.has(escaped)) {
          add(text.slice(this.i, this.i + 2))
          this.i += 2
        } else if (escaped === 'u') {
          let length = 2
          while (length < 6 && isHex(text[this.i + length])) length += 1
          if (length === 6) {
            add(text.slice(this.i, this.i + 6))
            this.i += 6
          } else if (this.i + length >= text.length) {
            // A unicode escape cut off by the end of the text is dropped, ending the string.
            this.i = text.length
          } else {
            throw unrepairable
          }
        } else if (escaped === '\n') {
          add('\\n')
          this.i += 2
        } else {
          // An invalid escape loses its backslash.
          add(escaped)
          this.i += 2
        }
      } else if (char === '"' && text[this.i - 1] !== '\\') {
        add('\\"')
        this.i += 1
      } else if (isControlCharacter(char)) {
        add(controlCharacters[char] as string)
        this.i += 1
      } else {
        if (char < '\u0020') throw unrepairable
        add(char)
        this.i += 1
      }
      if (skipEscapeChars) this.skipCharacter('\\')
    }
  }

  /** Whether the character at the reading position is copied into a string as it is (no quote, escape or delimiter to judge). */
  private isPlainStringCharacter(isEndQuote: (char: string | undefined) => boolean, stopAtDelimiter: boolean): boolean {
    const { text, i } = this
    const char = text[i] as string
    if (char < '\u0020' || char === '\\' || isEndQuote(char)) return false
    if (char === '"' && text[i - 1] !== '\\') return false
    return !(stopAtDelimiter && isUnquotedStringDelimiter(char))
  }

  /** `"a" + "b"` becomes `"ab"`: each `+` and a string after it, without recursing for each. */
  private parseConcatenatedString(): boolean {
    const { text, output } = this
    let processed = false
    this.parseWhitespaceAndSkipComments()
    while (text[this.i] === '+') {
      processed = true
      this.i += 1
      this.parseWhitespaceAndSkipComments()
      output.stripFromLast('"')
      const start = output.length
      if (this.parseString(false, -1, false)) {
        output.removeCharacterAt(start)
        this.parseWhitespaceAndSkipComments()
      } else {
        // A `+` not followed by a string is dropped.
        output.insertBeforeTrailingWhitespace('"')
      }
    }
    return processed
  }

  private parseNumber(): boolean {
    const { text } = this
    const start = this.i
    // The number as written, with a `0` put in where one is missing (`-`, `.5`, `2.`, `2e`), copied in slices:
    // `num` holds what comes before `copyFrom`.
    let num = ''
    let copyFrom = start
    let inserted = false
    let invalid = false
    if (text[this.i] === '-') {
      this.i += 1
      if (!isDigit(text[this.i]) && this.atEndOfNumber()) {
        num += `${text.slice(copyFrom, this.i)}0`
        copyFrom = this.i
        inserted = true
      }
    }
    if (text[this.i] === '0' && isDigit(text[this.i + 1])) invalid = true
    const integerStart = this.i
    while (isDigit(text[this.i])) this.i += 1
    if (text[this.i] === '.') {
      if (this.i === integerStart && !inserted) {
        num += `${text.slice(copyFrom, this.i)}0`
        copyFrom = this.i
        inserted = true
      }
      this.i += 1
      if (!isDigit(text[this.i])) {
        num += `${text.slice(copyFrom, this.i)}0`
        copyFrom = this.i
        inserted = true
      }
      while (isDigit(text[this.i])) this.i += 1
    }
    if (this.i === start) return false
    if (text[this.i] === 'e' || text[this.i] === 'E') {
      if (this.i === start + 1 && text[start] === '-') invalid = true
      this.i += 1
      if (text[this.i] === '-' || text[this.i] === '+') this.i += 1
      if (!isDigit(text[this.i])) {
        num += `${text.slice(copyFrom, this.i)}0`
        copyFrom = this.i
        inserted = true
      }
      while (isDigit(text[this.i])) this.i += 1
    }
    if (!this.atEndOfNumber()) {
      this.i = start
      return false
    }
    if (invalid) this.output.push(`"${text.slice(start, this.i)}"`)
    else if (!inserted) this.output.copy(start, this.i)
    else this.output.push(num + text.slice(copyFrom, this.i))
    return true
  }

  private parseKeywords(): boolean {
    if (!'tfnTFN'.includes(this.text[this.i] ?? ' ')) return false
    return (
      this.parseKeyword('true', 'true') ||
      this.parseKeyword('false', 'false') ||
      this.parseKeyword('null', 'null') ||
      this.parseKeyword('True', 'true') ||
      this.parseKeyword('False', 'false') ||
      this.parseKeyword('None', 'null')
    )
  }

  private parseKeyword(name: string, value: string): boolean {
    if (!this.text.startsWith(name, this.i) || isFunctionNameChar(this.text[this.i + name.length])) return false
    if (name === value) this.output.copy(this.i, this.i + name.length)
    else this.output.push(value)
    this.i += name.length
    return true
  }

  /** An unquoted string (quoted now), `undefined` as `null`, or a call like `NumberLong("2")` or `callback({...});` unwrapped. */
  private parseUnquotedString(isKey: boolean): boolean {
    const { text } = this
    const start = this.i
    if (isFunctionNameCharStart(text[this.i])) {
      while (this.i < text.length && isFunctionNameChar(text[this.i])) this.i += 1
      let after = this.i
      while (isWhitespaceCode(text.charCodeAt(after))) after += 1
      if (text[after] === '(') {
        this.i = after + 1
        this.enter()
        this.parseValue()
        this.depth -= 1
        if (text[this.i] === ')') {
          this.i += 1
          if (text[this.i] === ';') this.i += 1
        }
        return true
      }
    }
    while (this.i < text.length && !endsUnquotedString(text.charCodeAt(this.i), isKey)) this.i += 1
    if (text[this.i - 1] === ':' && urlStartPattern.test(text.slice(start, this.i + 2))) {
      while (this.i < text.length && urlCharPattern.test(text[this.i] as string)) this.i += 1
    }
    if (this.i <= start) return false
    while (this.i > 0 && isWhitespaceCode(text.charCodeAt(this.i - 1))) this.i -= 1
    const symbol = text.slice(start, this.i)
    this.output.push(symbol === 'undefined' ? 'null' : JSON.stringify(symbol))
    if (text[this.i] === '"') this.i += 1
    return true
  }

  private parseRegex(): boolean {
    const { text } = this
    if (text[this.i] !== '/') return false
    const start = this.i
    this.i += 1
    while (this.i < text.length && (text[this.i] !== '/' || text[this.i - 1] === '\\')) this.i += 1
    this.i += 1
    this.output.push(JSON.stringify(text.slice(start, this.i)))
    return true
  }

  private prevNonWhitespaceIndex(start: number): number {
    let prev = start
    while (prev > 0 && isWhitespaceCode(this.text.charCodeAt(prev))) prev -= 1
    return prev
  }

  /** Whether the quote at `index` is followed by nothing meaningful: then it is the real end and the quote before it is embedded. */
  private nextQuoteIsEndQuote(index: number): boolean {
    let next = index + 1
    while (next < this.text.length && isWhitespaceCode(this.text.charCodeAt(next))) next += 1
    return next >= this.text.length || isDelimiter(this.text[next])
  }

  private atEndOfNumber(): boolean {
    return this.i >= this.text.length || isDelimiter(this.text[this.i]) || isWhitespaceCode(this.text.charCodeAt(this.i))
  }
}
