import { type TNull, type TObject, type TOptional, type TString, type TUnion, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import type { FileContentPart, FileContentPartFile } from './content-part.js'
import { serializeCustomTypeParts } from './custom-type-markers.js'
import { encodeBase64 } from './encode-base64.js'
import { guessMimeType } from './guess-mime-type.js'
import { readLocalFile } from './read-local-file.js'
import { isPlainRecord, receivedTypeName } from './received-value.js'

const fieldNames = ['file_data', 'file_id', 'filename'] as const

/** The fields of a `dspy.File` (its pydantic model); at least one must be given. */
export interface FileFields {
  /** The content as a data URI: `data:<mime>;base64,<data>`. */
  readonly file_data?: string | null
  /** The id of a file already uploaded to the provider. */
  readonly file_id?: string | null
  /** The file's name. */
  readonly filename?: string | null
}

/** What a {@link File} can be made from without touching the disk: a data URI, raw bytes, its fields, or another File. */
export type FileSource = string | Uint8Array | ArrayBuffer | FileFields | File

/** Options of {@link File.fromBytes} and {@link File.fromPath}. */
export interface FileOptions {
  /** The file name to send (for `fromPath`, default: the path's base name). */
  readonly filename?: string
  /** The MIME type (for `fromBytes`, default `application/octet-stream`; for `fromPath`, guessed from the extension). */
  readonly mimeType?: string
}

type OptionalText = TOptional<TUnion<[TString, TNull]>>

/** The TypeBox schema of a File value: `{ file_data?, file_id?, filename? }`, each a string or null. */
export type FileValueSchema = TObject<{ file_data: OptionalText; file_id: OptionalText; filename: OptionalText }>

/** A fresh TypeBox schema of a File value (untagged; see `specialTypeSchema`). */
export function fileValueSchema(): FileValueSchema {
  const text = (): OptionalText => Type.Optional(Type.Union([Type.String(), Type.Null()]))
  return Type.Object({ file_data: text(), file_id: text(), filename: text() }, { additionalProperties: false })
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'File' })
}

function dataUri(bytes: Uint8Array, mimeType: string): string {
  return `data:${mimeType};base64,${encodeBase64(bytes)}`
}

function fromRecord(record: Record<string, unknown>): FileFields {
  if (!fieldNames.some((name) => name in record)) {
    throw invalid('Value of `dspy.File` must contain at least one of: file_data, file_id, or filename')
  }
  const extra = Object.keys(record).filter((key) => !(fieldNames as readonly string[]).includes(key))
  if (extra.length > 0) throw invalid(`File value object has unexpected keys: ${extra.join(', ')}.`)
  const fields: Record<string, string | null> = {}
  for (const name of fieldNames) {
    const value = record[name]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') throw invalid(`File \`${name}\` must be a string or null, received ${receivedTypeName(value)}.`)
    fields[name] = value.trim()
  }
  return fields
}

function normalizeFileSource(source: unknown): FileFields {
  if (source instanceof File) return { file_data: source.file_data, file_id: source.file_id, filename: source.filename }
  if (isPlainRecord(source)) return fromRecord(source)
  if (typeof source === 'string') {
    if (source.startsWith('data:')) return { file_data: source.trim() }
    throw invalid(`String file inputs must be data URIs, received: ${source.slice(0, 100)}. Load local files with File.fromPath().`)
  }
  if (source instanceof Uint8Array) return { file_data: dataUri(source, 'application/octet-stream') }
  if (source instanceof ArrayBuffer) return { file_data: dataUri(new Uint8Array(source), 'application/octet-stream') }
  throw invalid(`Unsupported file input type: ${receivedTypeName(source)}.`)
}

/**
 * A file input (`dspy.File`), e.g. a PDF: inline data, a provider file id, and/or a name, sent
 * to the LM as a `file` content part. Construction never reads the disk; use {@link File.fromPath}.
 *
 * @example
 * ```ts
 * const paper = await File.fromPath('./paper.pdf') // data:application/pdf;base64,..., filename 'paper.pdf'
 * const uploaded = File.fromFileId('file-abc123', 'paper.pdf')
 * uploaded.format() // [{ type: 'file', file: { file_id: 'file-abc123', filename: 'paper.pdf' } }]
 * ```
 * @see DSPy `dspy.File` (`dspy/adapters/types/file.py`)
 */
export class File implements FileFields {
  /** The content as a data URI, or null. */
  readonly file_data: string | null
  /** A provider file id, or null. */
  readonly file_id: string | null
  /** The file name, or null. */
  readonly filename: string | null

  /** @throws {SpecialTypeError} when the source is not a data URI, bytes, or fields naming at least one of file_data, file_id, filename. */
  constructor(source: FileSource) {
    const fields = normalizeFileSource(source)
    this.file_data = fields.file_data ?? null
    this.file_id = fields.file_id ?? null
    this.filename = fields.filename ?? null
    Object.freeze(this)
  }

  /**
   * Validates any value into a File, as DSPy's pydantic validation does for a field typed `dspy.File`.
   *
   * @throws {SpecialTypeError} when the value cannot be a file.
   */
  static from(value: unknown): File {
    return value instanceof File ? value : new File(value as FileSource)
  }

  /** A File holding `bytes` inline, typed `mimeType` (default `application/octet-stream`). */
  static fromBytes(bytes: Uint8Array, options: FileOptions = {}): File {
    return new File({ file_data: dataUri(bytes, options.mimeType ?? 'application/octet-stream'), filename: options.filename ?? null })
  }

  /**
   * Reads a local file inline; its name defaults to the path's base name and its MIME type is
   * guessed from the extension (else `application/octet-stream`).
   *
   * @throws {SpecialTypeError} when the file does not exist.
   */
  static async fromPath(path: string, options: FileOptions = {}): Promise<File> {
    const bytes = await readLocalFile(path, 'File')
    const filename = options.filename ?? path.split(/[\\/]/).at(-1) ?? path
    const mimeType = options.mimeType ?? guessMimeType(path) ?? 'application/octet-stream'
    return new File({ file_data: dataUri(bytes, mimeType), filename })
  }

  /** A File referring to one already uploaded to the provider. */
  static fromFileId(fileId: string, filename?: string): File {
    return new File({ file_id: fileId, filename: filename ?? null })
  }

  /** The text DSPy adds to a field's description for this type: none. */
  static description(): string {
    return ''
  }

  /** The OpenAI content parts DSPy sends for this file (only the non-empty fields). */
  format(): [FileContentPart] {
    const file: { -readonly [Key in keyof FileContentPartFile]: FileContentPartFile[Key] } = {}
    if (this.file_data) file.file_data = this.file_data
    if (this.file_id) file.file_id = this.file_id
    if (this.filename) file.filename = this.filename
    return [{ type: 'file', file }]
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): the content parts between the custom-type markers. */
  toJSON(): string {
    return serializeCustomTypeParts(this.format())
  }

  /** Python's `str()`: the same as {@link File.toJSON}. */
  toString(): string {
    return this.toJSON()
  }

  /** Python's `repr()`, with data elided: `File(file_data=<DATA_URI(application/pdf, 1234 chars)>, filename='a.pdf')`. */
  repr(): string {
    const parts: string[] = []
    if (this.file_data !== null) {
      if (this.file_data.startsWith('data:')) {
        const mimeType = (this.file_data.split(';')[0] ?? '').split(':')[1] ?? ''
        const encoded = this.file_data.split('base64,')[1]
        parts.push(`file_data=<DATA_URI(${mimeType}, ${(encoded ?? this.file_data).length} chars)>`)
      } else {
        parts.push(`file_data=<DATA(${this.file_data.length} chars)>`)
      }
    }
    if (this.file_id !== null) parts.push(`file_id='${this.file_id}'`)
    if (this.filename !== null) parts.push(`filename='${this.filename}'`)
    return `File(${parts.join(', ')})`
  }
}
