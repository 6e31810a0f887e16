import { type TLiteral, type TNull, type TObject, type TOptional, type TString, type TUnion, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonValueRepr } from '../python-value-repr.js'
import type { DocumentContentPart } from './content-part.js'
import { serializeCustomTypeParts } from './custom-type-markers.js'
import { isPlainRecord, receivedTypeName, receivedValueText } from './received-value.js'

/** The media types a Document may declare. */
export type DocumentMediaType = 'text/plain' | 'application/pdf'

/** The fields of a `dspy.experimental.Document`. */
export interface DocumentFields {
  /** The document's text. */
  readonly data: string
  /** A title, used when citing it. */
  readonly title?: string | null
  /** Its media type (default `text/plain`). */
  readonly media_type?: DocumentMediaType
  /** Context about the document, for the LM. */
  readonly context?: string | null
}

type OptionalText = TOptional<TUnion<[TString, TNull]>>

/** The TypeBox schema of a Document value: `{ data, title?, media_type?, context? }`. */
export type DocumentValueSchema = TObject<{
  data: TString
  title: OptionalText
  media_type: TOptional<TUnion<[TLiteral<'text/plain'>, TLiteral<'application/pdf'>]>>
  context: OptionalText
}>

/** A fresh TypeBox schema of a Document value (untagged; see `specialTypeSchema`). */
export function documentValueSchema(): DocumentValueSchema {
  const text = (): OptionalText => Type.Optional(Type.Union([Type.String(), Type.Null()]))
  return Type.Object({
    data: Type.String(),
    title: text(),
    media_type: Type.Optional(Type.Union([Type.Literal('text/plain'), Type.Literal('application/pdf')], { default: 'text/plain' })),
    context: text(),
  })
}

const mediaTypes: readonly string[] = ['text/plain', 'application/pdf']

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Document' })
}

function optionalText(record: Record<string, unknown>, key: string): string | null {
  const value = record[key]
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw invalid(`Document \`${key}\` must be a string or null, received ${receivedTypeName(value)}.`)
  return value
}

function normalizeDocument(value: unknown): Required<DocumentFields> {
  if (typeof value === 'string') return { data: value, title: null, media_type: 'text/plain', context: null }
  if (!isPlainRecord(value)) throw invalid(`Received invalid value for \`Document\`: ${receivedValueText(value)}`)
  if (typeof value.data !== 'string') throw invalid(`Document \`data\` must be a string, received ${receivedTypeName(value.data)}.`)
  const mediaType = value.media_type ?? 'text/plain'
  if (typeof mediaType !== 'string' || !mediaTypes.includes(mediaType)) {
    throw invalid(`Document \`media_type\` must be 'text/plain' or 'application/pdf', received ${receivedValueText(mediaType)}.`)
  }
  return {
    data: value.data,
    title: optionalText(value, 'title'),
    media_type: mediaType as DocumentMediaType,
    context: optionalText(value, 'context'),
  }
}

/**
 * A document the LM can cite (`dspy.experimental.Document`), sent as an Anthropic-style
 * `document` block with citations enabled.
 *
 * @example
 * ```ts
 * const doc = new Document({ data: 'Water boils at 100°C.', title: 'Physics' })
 * doc.format() // [{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: '...' }, citations: { enabled: true }, title: 'Physics' }]
 * ```
 * @see DSPy `dspy.experimental.Document` (`dspy/adapters/types/document.py`)
 */
export class Document implements DocumentFields {
  /** The document's text. */
  readonly data: string
  /** Its title, or null. */
  readonly title: string | null
  /** Its media type. */
  readonly media_type: DocumentMediaType
  /** Context about it, or null. */
  readonly context: string | null

  /** @throws {SpecialTypeError} when `data` is not a string, `media_type` is not allowed, or `title`/`context` are not strings. */
  constructor(value: string | DocumentFields | Document) {
    const fields = value instanceof Document ? value : normalizeDocument(value)
    this.data = fields.data
    this.title = fields.title
    this.media_type = fields.media_type
    this.context = fields.context
    Object.freeze(this)
  }

  /**
   * Validates any value into a Document: the text alone, or its fields.
   *
   * @throws {SpecialTypeError} when the value cannot be a document.
   */
  static from(value: unknown): Document {
    return value instanceof Document ? value : new Document(value as DocumentFields)
  }

  /** The text DSPy adds to a field's description for this type. */
  static description(): string {
    return (
      'A document containing text content that can be referenced and cited. ' +
      'Include the full text content and optionally a title for proper referencing.'
    )
  }

  /** The content block DSPy sends (title and context only when set). */
  format(): [DocumentContentPart] {
    return [
      {
        type: 'document',
        source: { type: 'text', media_type: this.media_type, data: this.data },
        citations: { enabled: true },
        ...(this.title ? { title: this.title } : {}),
        ...(this.context ? { context: this.context } : {}),
      },
    ]
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): the content block between the custom-type markers. */
  toJSON(): string {
    return serializeCustomTypeParts(this.format())
  }

  /** Python's `str()`: `Document('Title': 123 chars)`. */
  toString(): string {
    const title = this.title ? `'${this.title}': ` : ''
    return `Document(${title}${[...this.data].length} chars)`
  }

  /** Python's `repr()`: `Document(data='...', title=None, media_type='text/plain', context=None)`. */
  repr(): string {
    const fields = [this.data, this.title, this.media_type, this.context].map((item) => pythonValueRepr(item))
    return `Document(data=${fields[0]}, title=${fields[1]}, media_type=${fields[2]}, context=${fields[3]})`
  }
}
