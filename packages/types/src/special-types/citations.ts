import { type TArray, type TInteger, type TNull, type TObject, type TOptional, type TString, type TUnion, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonValueRepr } from '../python-value-repr.js'
import { serializeCustomTypeParts } from './custom-type-markers.js'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'

/** The fields of one citation (DSPy's `Citations.Citation`): quoted text and where it is in which document. */
export interface CitationFields {
  /** The citation kind (default `char_location`). */
  readonly type?: string
  readonly cited_text: string
  readonly document_index: number
  readonly document_title?: string | null
  readonly start_char_index: number
  readonly end_char_index: number
  /** The text of the answer the citation supports. */
  readonly supported_text?: string | null
}

/** A citation as DSPy formats it: required keys, then `document_title`/`supported_text` when set. */
export interface FormattedCitation {
  readonly type: string
  readonly cited_text: string
  readonly document_index: number
  readonly start_char_index: number
  readonly end_char_index: number
  readonly document_title?: string
  readonly supported_text?: string
}

type OptionalText = TOptional<TUnion<[TString, TNull]>>
type CitationSchema = TObject<{
  type: TOptional<TString>
  cited_text: TString
  document_index: TInteger
  document_title: OptionalText
  start_char_index: TInteger
  end_char_index: TInteger
  supported_text: OptionalText
}>

/** The TypeBox schema of a Citations value: `{ citations: [{ cited_text, document_index, start_char_index, end_char_index, ... }] }`. */
export type CitationsValueSchema = TObject<{ citations: TArray<CitationSchema> }>

/** A fresh TypeBox schema of a Citations value (untagged; see `specialTypeSchema`). */
export function citationsValueSchema(): CitationsValueSchema {
  const text = (): OptionalText => Type.Optional(Type.Union([Type.String(), Type.Null()]))
  const citation: CitationSchema = Type.Object({
    type: Type.Optional(Type.String({ default: 'char_location' })),
    cited_text: Type.String(),
    document_index: Type.Integer(),
    document_title: text(),
    start_char_index: Type.Integer(),
    end_char_index: Type.Integer(),
    supported_text: text(),
  })
  return Type.Object({ citations: Type.Array(citation) })
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Citations' })
}

function integerField(record: Record<string, unknown>, key: string): number {
  const value = record[key]
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value)
  throw invalid(`Citation \`${key}\` must be an integer, received ${value === undefined ? 'nothing' : receivedValueText(value)}.`)
}

function textField(record: Record<string, unknown>, key: string, required: true): string
function textField(record: Record<string, unknown>, key: string, required: false): string | null
function textField(record: Record<string, unknown>, key: string, required: boolean): string | null {
  const value = record[key]
  if (!required && (value === undefined || value === null)) return null
  if (typeof value !== 'string')
    throw invalid(`Citation \`${key}\` must be a string, received ${value === undefined ? 'nothing' : receivedTypeName(value)}.`)
  return value
}

/** One citation (DSPy's `Citations.Citation`). */
export class Citation implements CitationFields {
  readonly type: string
  readonly cited_text: string
  readonly document_index: number
  readonly document_title: string | null
  readonly start_char_index: number
  readonly end_char_index: number
  readonly supported_text: string | null

  /** @throws {SpecialTypeError} naming the field that is missing or of the wrong type. */
  constructor(fields: CitationFields) {
    if (!isPlainRecord(fields)) throw invalid(`A citation must be an object, received ${receivedTypeName(fields)}.`)
    const record: Record<string, unknown> = fields
    this.type = record.type === undefined ? 'char_location' : textField(record, 'type', true)
    this.cited_text = textField(record, 'cited_text', true)
    this.document_index = integerField(record, 'document_index')
    this.document_title = textField(record, 'document_title', false)
    this.start_char_index = integerField(record, 'start_char_index')
    this.end_char_index = integerField(record, 'end_char_index')
    this.supported_text = textField(record, 'supported_text', false)
    Object.freeze(this)
  }

  /** The citation as DSPy formats it for the LM. */
  format(): FormattedCitation {
    return {
      type: this.type,
      cited_text: this.cited_text,
      document_index: this.document_index,
      start_char_index: this.start_char_index,
      end_char_index: this.end_char_index,
      ...(this.document_title ? { document_title: this.document_title } : {}),
      ...(this.supported_text ? { supported_text: this.supported_text } : {}),
    }
  }

  /** DSPy's serialised form: {@link Citation.format}. */
  toJSON(): FormattedCitation {
    return this.format()
  }

  /** Python's `repr()`: `Citation(type='char_location', cited_text='...', ...)`. */
  repr(): string {
    const fields: [string, unknown][] = [
      ['type', this.type],
      ['cited_text', this.cited_text],
      ['document_index', this.document_index],
      ['document_title', this.document_title],
      ['start_char_index', this.start_char_index],
      ['end_char_index', this.end_char_index],
      ['supported_text', this.supported_text],
    ]
    return `Citation(${fields.map(([name, value]) => `${name}=${pythonValueRepr(value)}`).join(', ')})`
  }
}

function toCitation(value: unknown): Citation {
  return value instanceof Citation ? value : new Citation(value as CitationFields)
}

/**
 * Citations of source documents in an answer (`dspy.experimental.Citations`), filled natively
 * from providers that return citations (Anthropic), or parsed from the LM's output otherwise.
 *
 * @example
 * ```ts
 * const citations = Citations.from([{ cited_text: 'Water boils at 100°C', document_index: 0, start_char_index: 0, end_char_index: 20 }])
 * citations.length // 1
 * ```
 * @see DSPy `dspy.experimental.Citations` (`dspy/adapters/types/citation.py`)
 */
export class Citations implements Iterable<Citation> {
  /** The citations, in order. */
  readonly citations: readonly Citation[]

  /** @throws {SpecialTypeError} when a citation is invalid. */
  constructor(fields: { readonly citations: readonly (CitationFields | Citation)[] }) {
    if (typeof fields !== 'object' || fields === null || !Array.isArray(fields.citations)) {
      throw invalid(`Citations expects { citations: [...] }, received ${receivedValueText(fields)}`)
    }
    this.citations = Object.freeze(fields.citations.map(toCitation))
    Object.freeze(this)
  }

  /**
   * Validates any value into Citations: `{ citations: [...] }`, a list of citations, or one citation.
   *
   * @throws {SpecialTypeError} `Received invalid value for \`Citations\`` when the shape is not recognised, or a citation is invalid.
   */
  static from(value: unknown): Citations {
    if (value instanceof Citations) return value
    if (Array.isArray(value) && value.every((item) => isPlainRecord(item) && 'cited_text' in item)) {
      return new Citations({ citations: value as CitationFields[] })
    }
    if (isPlainRecord(value)) {
      if ('citations' in value) {
        if (Array.isArray(value.citations)) return new Citations({ citations: value.citations as CitationFields[] })
      } else if ('cited_text' in value) {
        return new Citations({ citations: [value as unknown as CitationFields] })
      }
    }
    throw invalid(`Received invalid value for \`Citations\`: ${receivedValueText(value)}`)
  }

  /** Citations from a list of citation objects. */
  static fromDictList(citations: readonly CitationFields[]): Citations {
    return new Citations({ citations })
  }

  /**
   * The citations a provider returned natively (a `citations` list in a response), if any.
   *
   * @see DSPy `Citations.parse_lm_response`
   */
  static parseLMResponse(response: unknown): Citations | undefined {
    if (!isPlainRecord(response) || !Array.isArray(response.citations)) return undefined
    return Citations.fromDictList(response.citations as CitationFields[])
  }

  /** The text DSPy adds to a field's description for this type. */
  static description(): string {
    return 'Citations with quoted text and source references. ' + 'Include the exact text being cited and information about its source.'
  }

  /** The number of citations. */
  get length(): number {
    return this.citations.length
  }

  /** The citation at `index` (negative counts from the end). */
  at(index: number): Citation | undefined {
    return this.citations.at(index)
  }

  /** Iterates over the citations. */
  [Symbol.iterator](): Iterator<Citation> {
    return this.citations[Symbol.iterator]()
  }

  /** The citations as DSPy formats them. */
  format(): FormattedCitation[] {
    return this.citations.map((citation) => citation.format())
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): the formatted citations between the custom-type markers. */
  toJSON(): string {
    return serializeCustomTypeParts(this.format())
  }

  /** Python's `str()` of the model: `citations=[Citation(...)]`. */
  toString(): string {
    return `citations=${pythonValueRepr(this.citations)}`
  }

  /** Python's `repr()`: `Citations(citations=[Citation(...)])`. */
  repr(): string {
    return `Citations(citations=${pythonValueRepr(this.citations)})`
  }
}
