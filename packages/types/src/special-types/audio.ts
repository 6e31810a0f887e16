import { type TObject, type TString, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import type { InputAudioContentPart } from './content-part.js'
import { serializeCustomTypeParts } from './custom-type-markers.js'
import { encodeBase64 } from './encode-base64.js'
import { type FetchRemoteResourceOptions, fetchRemoteResource } from './fetch-remote-resource.js'
import { guessMimeType } from './guess-mime-type.js'
import { readLocalFile } from './read-local-file.js'
import { isPlainRecord, receivedTypeName } from './received-value.js'

/** The fields of a `dspy.Audio` (its pydantic model): base64 `data` and its `audio_format` (`wav`, `mpeg` ...). */
export interface AudioFields {
  readonly data: string
  readonly audio_format: string
}

/**
 * What an {@link Audio} can be made from without touching the disk or the network: a
 * `data:audio/...;base64,` URI, raw bytes (with {@link AudioOptions.audio_format}, default `wav`),
 * `{ data, audio_format }` with base64 data, or another Audio.
 */
export type AudioSource = string | Uint8Array | ArrayBuffer | AudioFields | Audio

/** Options of the {@link Audio} constructor. */
export interface AudioOptions {
  /** The format of raw bytes (default `wav`); not allowed with a source that carries its own format. */
  readonly audio_format?: string
}

/** The TypeBox schema of an Audio value: `{ data: string, audio_format: string }`. */
export type AudioValueSchema = TObject<{ data: TString; audio_format: TString }>

/** A fresh TypeBox schema of an Audio value (untagged; see `specialTypeSchema`). */
export function audioValueSchema(): AudioValueSchema {
  return Type.Object({ data: Type.String(), audio_format: Type.String() }, { additionalProperties: false })
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Audio' })
}

/** Drops the `x-` of unregistered subtypes (`x-wav` → `wav`), as DSPy does. */
function normalizeAudioFormat(format: string): string {
  return format.startsWith('x-') ? format.slice(2) : format
}

function carriesOwnFormat(source: unknown): boolean {
  return (
    source instanceof Audio || (isPlainRecord(source) && 'audio_format' in source) || (typeof source === 'string' && source.startsWith('data:audio/'))
  )
}

function fromDataUri(uri: string): AudioFields {
  const comma = uri.indexOf(',')
  const mime = (comma < 0 ? uri : uri.slice(0, comma)).slice('data:'.length).split(';', 1)[0] ?? ''
  const slash = mime.indexOf('/')
  const format = slash < 0 ? '' : mime.slice(slash + 1)
  if (comma < 0 || format === '') throw invalid(`Malformed audio data URI: ${uri.slice(0, 60)}`)
  return { data: uri.slice(comma + 1), audio_format: normalizeAudioFormat(format) }
}

function fromRecord(record: Record<string, unknown>): AudioFields {
  if (!('data' in record) || !('audio_format' in record)) {
    throw invalid('Audio value object must have both `data` (base64) and `audio_format` keys.')
  }
  const extra = Object.keys(record).filter((key) => key !== 'data' && key !== 'audio_format')
  if (extra.length > 0) throw invalid(`Audio value object has unexpected keys: ${extra.join(', ')}.`)
  const { data, audio_format: format } = record
  if (typeof data !== 'string') throw invalid(`Audio \`data\` must be a base64 string, received ${receivedTypeName(data)}.`)
  if (typeof format !== 'string') {
    throw invalid(`Audio \`audio_format\` must be a string, received ${receivedTypeName(format)}.`)
  }
  return { data, audio_format: format }
}

function normalizeAudioSource(source: unknown, format: string): AudioFields {
  if (source instanceof Audio) return { data: source.data, audio_format: source.audio_format }
  if (isPlainRecord(source)) return fromRecord(source)
  if (typeof source === 'string') {
    if (source.startsWith('data:audio/')) return fromDataUri(source)
    throw invalid('String audio inputs must be data URIs. Load local files with Audio.fromPath() and remote resources with Audio.fromURL().')
  }
  if (source instanceof Uint8Array) return { data: encodeBase64(source), audio_format: format }
  if (source instanceof ArrayBuffer) return { data: encodeBase64(new Uint8Array(source)), audio_format: format }
  throw invalid(`Unsupported type for audio: ${receivedTypeName(source)}.`)
}

/**
 * An audio input (`dspy.Audio`): base64 data and its format, sent to the LM as an
 * `input_audio` content part. Construction never reads a file or downloads anything; use
 * {@link Audio.fromPath} or {@link Audio.fromURL} for that.
 *
 * @example
 * ```ts
 * const clip = new Audio(wavBytes) // audio_format 'wav'
 * const mp3 = new Audio(mp3Bytes, { audio_format: 'mp3' })
 * const local = await Audio.fromPath('./speech.wav')
 * clip.format() // [{ type: 'input_audio', input_audio: { data: 'UklGR...', format: 'wav' } }]
 * ```
 * @see DSPy `dspy.Audio` (`dspy/adapters/types/audio.py`)
 */
export class Audio implements AudioFields {
  /** The audio bytes, base64-encoded. */
  readonly data: string
  /** The format (`wav`, `mpeg`, `flac` ...), without an `x-` prefix. */
  readonly audio_format: string

  /** @throws {SpecialTypeError} when the source is not a data URI, bytes or `{ data, audio_format }`, or `audio_format` is given twice. */
  constructor(source: AudioSource, options: AudioOptions = {}) {
    if (options.audio_format !== undefined && carriesOwnFormat(source)) {
      throw invalid('Audio received audio_format alongside an input that already carries its format; provide only one.')
    }
    const fields = normalizeAudioSource(source, options.audio_format ?? 'wav')
    this.data = fields.data
    this.audio_format = fields.audio_format
    Object.freeze(this)
  }

  /**
   * Validates any value into an Audio, as DSPy's pydantic validation does for a field typed `dspy.Audio`.
   *
   * @throws {SpecialTypeError} when the value cannot be audio.
   */
  static from(value: unknown): Audio {
    return value instanceof Audio ? value : new Audio(value as AudioSource)
  }

  /**
   * Reads a local audio file. Its format comes from the extension (`speech.wav` → `wav`, `a.mp3` → `mpeg`, as Python's `mimetypes` names them).
   *
   * @throws {SpecialTypeError} when the file does not exist or its extension is not an audio type.
   */
  static async fromPath(path: string): Promise<Audio> {
    const mimeType = guessMimeType(path)
    const bytes = await readLocalFile(path, 'Audio')
    if (mimeType === undefined || !mimeType.startsWith('audio/')) {
      throw invalid(`Unsupported MIME type for audio: ${mimeType ?? 'None'} (${path})`)
    }
    return new Audio({ data: encodeBase64(bytes), audio_format: normalizeAudioFormat(mimeType.slice('audio/'.length)) })
  }

  /**
   * Downloads HTTP(S) audio; its format comes from the `Content-Type` (default `audio/wav`). This is the only way an Audio touches the network.
   *
   * @throws {SpecialTypeError} when the URL is not HTTP(S), the download fails, or the content is not `audio/*`.
   */
  static async fromURL(url: string, options: FetchRemoteResourceOptions = {}): Promise<Audio> {
    const { bytes, contentType } = await fetchRemoteResource(url, 'Audio', options)
    const mimeType = contentType === '' ? 'audio/wav' : contentType
    if (!mimeType.startsWith('audio/')) throw invalid(`Unsupported MIME type for audio: ${mimeType}`)
    return new Audio({ data: encodeBase64(bytes), audio_format: normalizeAudioFormat(mimeType.split('/')[1] ?? '') })
  }

  /** The text DSPy adds to a field's description for this type: none. */
  static description(): string {
    return ''
  }

  /** The OpenAI content parts DSPy sends for this audio. */
  format(): [InputAudioContentPart] {
    return [{ type: 'input_audio', input_audio: { data: this.data, format: this.audio_format } }]
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): the content parts between the custom-type markers. */
  toJSON(): string {
    return serializeCustomTypeParts(this.format())
  }

  /** Python's `str()`: the same as {@link Audio.toJSON}. */
  toString(): string {
    return this.toJSON()
  }

  /** Python's `repr()`, with the data elided: `Audio(data=<AUDIO_BASE_64_ENCODED(123)>, audio_format='wav')`. */
  repr(): string {
    return `Audio(data=<AUDIO_BASE_64_ENCODED(${this.data.length})>, audio_format='${this.audio_format}')`
  }
}
