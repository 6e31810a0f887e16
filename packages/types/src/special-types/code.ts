import { type TString, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonStringRepr } from '../python-repr.js'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'

/** The language DSPy's `Code` assumes when none is given. */
const defaultLanguage = 'python'

/** The TypeBox schema of a Code value: the code as a string. */
export type CodeValueSchema = TString

/** A fresh TypeBox schema of a Code value (untagged; see `specialTypeSchema`). */
export function codeValueSchema(): CodeValueSchema {
  return Type.String()
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Code' })
}

/**
 * The code inside a markdown fence, as DSPy extracts it: the body of the first ```` ```lang ```` block,
 * else of the first one-line ```` ```code``` ````, trimmed; text without a fence is kept as it is.
 */
export function extractCodeFromFence(text: string): string {
  // DSPy's patterns, ```` ```[^\n]*\n([\s\S]*?)``` ```` then ```` ```([\s\S]*?)``` ````, found with plain
  // searches: both can only match from the first fence (if it fails, every later one does), and a regex engine
  // would try each fence of an unclosed text in turn, reading the rest of the text for each.
  const open = text.indexOf('```')
  if (open === -1) return text
  const lineEnd = text.indexOf('\n', open + 3)
  const blockEnd = lineEnd === -1 ? -1 : text.indexOf('```', lineEnd + 1)
  if (blockEnd !== -1) return text.slice(lineEnd + 1, blockEnd).trim()
  const inlineEnd = text.indexOf('```', open + 3)
  if (inlineEnd !== -1) return text.slice(open + 3, inlineEnd).trim()
  return text
}

/**
 * Source code in a given language (`dspy.Code`, `dspy.Code["java"]`). As an output, the LM is
 * told to answer in a fenced block, and the fence is removed when parsing. Its value is a string.
 *
 * @example
 * ```ts
 * const code = new Code('```java\nint x = 1;\n```', 'java')
 * code.code // 'int x = 1;'
 * Code.description('java') // 'Code represented in a string, ... Programming language: java'
 * ```
 * @see DSPy `dspy.Code` (`dspy/adapters/types/code.py`)
 */
export class Code {
  /** The code, without any markdown fence. */
  readonly code: string
  /** The programming language (default `python`). */
  readonly language: string
  readonly #explicitLanguage: boolean

  /**
   * @param value the code (a fenced block is unwrapped), `{ code }`, or another Code.
   * @param language the language, as in `dspy.Code["java"]` (default `python`).
   * @throws {SpecialTypeError} when the value is not a string or `{ code: string }`.
   */
  constructor(value: string | { readonly code: string } | Code, language?: string) {
    this.code = value instanceof Code ? value.code : extractCodeFromFence(codeText(value))
    this.language = language ?? (value instanceof Code ? value.language : defaultLanguage)
    this.#explicitLanguage = language !== undefined || (value instanceof Code && value.#explicitLanguage)
    Object.freeze(this)
  }

  /**
   * Validates any value into Code in `language`, as DSPy's pydantic validation does for a field typed `dspy.Code`.
   *
   * @throws {SpecialTypeError} when the value is not a string or `{ code: string }`.
   */
  static from(value: unknown, language?: string): Code {
    if (value instanceof Code && (language === undefined || value.language === language)) return value
    return new Code(value as string, language)
  }

  /** The text DSPy adds to a field's description for `Code[language]`: how to write the code and in what language. */
  static description(language: string = defaultLanguage): string {
    return (
      'Code represented in a string, specified in the `code` field. If this is an output field, the code ' +
      `field should follow the markdown code block format, e.g. \n\`\`\`${language.toLowerCase()}\n{code}\n\`\`\`` +
      `\nProgramming language: ${language}`
    )
  }

  /** What DSPy shows the LM: the code itself. */
  format(): string {
    return this.code
  }

  /** DSPy's serialised form: the code itself. */
  toJSON(): string {
    return this.code
  }

  /** The code itself. */
  toString(): string {
    return this.code
  }

  /** Python's `repr()`: `Code(code='...')`, or `Code_java(code='...')` for an explicit language. */
  repr(): string {
    return `${this.#explicitLanguage ? `Code_${this.language}` : 'Code'}(code=${pythonStringRepr(this.code)})`
  }
}

function codeText(value: unknown): string {
  if (typeof value === 'string') return value
  if (isPlainRecord(value)) {
    if (!('code' in value)) throw invalid('`code` field is required for `dspy.Code`')
    if (typeof value.code !== 'string') {
      throw invalid(`\`code\` field must be a string, but received type: ${receivedTypeName(value.code)}`)
    }
    return value.code
  }
  throw invalid(`Received invalid value for \`dspy.Code\`: ${receivedValueText(value)}`)
}
