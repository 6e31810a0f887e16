import { type TString, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonStringRepr } from '../python-repr.js'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'

/** The TypeBox schema of a Reasoning value: the reasoning text. */
export type ReasoningValueSchema = TString

/** A fresh TypeBox schema of a Reasoning value (untagged; see `specialTypeSchema`). */
export function reasoningValueSchema(): ReasoningValueSchema {
  return Type.String()
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Reasoning' })
}

function reasoningText(value: unknown): string {
  if (typeof value === 'string') return value
  if (isPlainRecord(value)) {
    if (!('content' in value)) throw invalid('`content` field is required for `dspy.Reasoning`')
    if (typeof value.content !== 'string') {
      throw invalid(`\`content\` field must be a string, but received type: ${receivedTypeName(value.content)}`)
    }
    return value.content
  }
  throw invalid(`Received invalid value for \`dspy.Reasoning\`: ${receivedValueText(value)}`)
}

/**
 * The LM's reasoning (`dspy.Reasoning`), a string-like value: adapters treat it as text, and
 * with a reasoning model it is filled from the provider's native reasoning output instead.
 *
 * @example
 * ```ts
 * const thought = new Reasoning('First, ...')
 * thought.equals('First, ...') // true
 * `${thought}` // 'First, ...'
 * ```
 * @see DSPy `dspy.Reasoning` (`dspy/adapters/types/reasoning.py`)
 */
export class Reasoning {
  /** The reasoning text. */
  readonly content: string

  /** @throws {SpecialTypeError} when the value is not a string or `{ content: string }`. */
  constructor(value: string | { readonly content: string } | Reasoning) {
    this.content = value instanceof Reasoning ? value.content : reasoningText(value)
    Object.freeze(this)
  }

  /**
   * Validates any value into Reasoning, as DSPy's pydantic validation does.
   *
   * @throws {SpecialTypeError} when the value is not a string or `{ content: string }`.
   */
  static from(value: unknown): Reasoning {
    return value instanceof Reasoning ? value : new Reasoning(value as string)
  }

  /**
   * The reasoning a provider returned natively (`reasoning_content` of a response), if any.
   *
   * @see DSPy `Reasoning.parse_lm_response`
   */
  static parseLMResponse(response: unknown): Reasoning | undefined {
    if (!isPlainRecord(response) || !('reasoning_content' in response)) return undefined
    return new Reasoning({ content: response.reasoning_content as string })
  }

  /** The text DSPy adds to a field's description for this type: none. */
  static description(): string {
    return ''
  }

  /** True when `other` is the same text (a string or another Reasoning), as DSPy's `==` is. */
  equals(other: unknown): boolean {
    return other instanceof Reasoning ? other.content === this.content : other === this.content
  }

  /** What DSPy shows the LM: the text. */
  format(): string {
    return this.content
  }

  /** DSPy's serialised form: the text. */
  toJSON(): string {
    return this.content
  }

  /** The text. */
  toString(): string {
    return this.content
  }

  /** Python's `repr()`: the text's repr, e.g. `'First, ...'`. */
  repr(): string {
    return pythonStringRepr(this.content)
  }
}
