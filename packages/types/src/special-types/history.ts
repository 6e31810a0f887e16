import { type TArray, type TObject, type TRecord, type TUnknown, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonValueRepr } from '../python-value-repr.js'
import { isPlainRecord, receivedTypeName } from './received-value.js'

/** One turn of a conversation history: values keyed by the signature's field names. */
export type HistoryMessage = Readonly<Record<string, unknown>>

/** The fields of a `dspy.History` (its pydantic model). */
export interface HistoryFields {
  readonly messages: readonly HistoryMessage[]
}

/** The TypeBox schema of a History value: `{ messages: object[] }`. */
export type HistoryValueSchema = TObject<{ messages: TArray<TRecord<'^.*$', TUnknown>> }>

/** A fresh TypeBox schema of a History value (untagged; see `specialTypeSchema`). */
export function historyValueSchema(): HistoryValueSchema {
  return Type.Object(
    { messages: Type.Array(Type.Record(Type.String(), Type.Unknown()) as TRecord<'^.*$', TUnknown>) },
    { additionalProperties: false },
  )
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'History' })
}

function normalizeMessage(message: unknown, index: number): HistoryMessage {
  if (!isPlainRecord(message)) {
    throw invalid(`History messages[${index}] must be an object of field values, received ${receivedTypeName(message)}.`)
  }
  // pydantic strips the whitespace around `dict[str, Any]` keys (str_strip_whitespace=True).
  const entries = Object.entries(message).map(([key, value]): [string, unknown] => [key.trim(), value])
  return Object.freeze(Object.fromEntries(entries))
}

/**
 * A conversation history input (`dspy.History`): earlier turns, each an object keyed by the
 * signature's field names. An input field of this type is rendered as prior user/assistant
 * messages rather than as text.
 *
 * @example
 * ```ts
 * const history = new History({
 *   messages: [{ question: 'What is the capital of France?', answer: 'Paris' }],
 * })
 * ```
 * @see DSPy `dspy.History` (`dspy/adapters/types/history.py`)
 */
export class History implements HistoryFields {
  /** The turns, oldest first. */
  readonly messages: readonly HistoryMessage[]

  /** @throws {SpecialTypeError} when `messages` is missing, not an array, or holds a non-object, or other keys are present. */
  constructor(fields: HistoryFields) {
    if (!isPlainRecord(fields)) throw invalid(`History expects { messages: [...] }, received ${receivedTypeName(fields)}.`)
    const extra = Object.keys(fields).filter((key) => key !== 'messages')
    if (extra.length > 0) throw invalid(`History value object has unexpected keys: ${extra.join(', ')}; only \`messages\` is allowed.`)
    const messages: unknown = fields.messages
    if (!Array.isArray(messages)) throw invalid(`History \`messages\` must be an array, received ${receivedTypeName(messages)}.`)
    this.messages = Object.freeze(messages.map(normalizeMessage))
    Object.freeze(this)
  }

  /**
   * Validates any value into a History, as DSPy's pydantic validation does for a field typed `dspy.History`.
   *
   * @throws {SpecialTypeError} when the value is not `{ messages: [...] }`.
   */
  static from(value: unknown): History {
    return value instanceof History ? value : new History(value as HistoryFields)
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): `{ messages }`. */
  toJSON(): { messages: readonly HistoryMessage[] } {
    return { messages: this.messages }
  }

  /** Python's `str()` of the model: `messages=[...]`. */
  toString(): string {
    return `messages=${pythonValueRepr(this.messages)}`
  }

  /** Python's `repr()`: `History(messages=[{'question': 'q', 'answer': 'a'}])`. */
  repr(): string {
    return `History(messages=${pythonValueRepr(this.messages)})`
  }
}
