import { type TObject, type TString, Type } from 'typebox'
import { SpecialTypeError } from '../errors/special-type-error.js'
import type { ImageURLContentPart } from './content-part.js'
import { serializeCustomTypeParts } from './custom-type-markers.js'
import { encodeBase64 } from './encode-base64.js'
import { type FetchRemoteResourceOptions, fetchRemoteResource } from './fetch-remote-resource.js'
import { guessMimeType } from './guess-mime-type.js'
import { readLocalFile } from './read-local-file.js'
import { isPlainRecord, receivedTypeName } from './received-value.js'
import { sniffImageMimeType } from './sniff-image-mime-type.js'

/** The fields of a `dspy.Image` (its pydantic model): one `url`, a remote URL or a data URI. */
export interface ImageFields {
  readonly url: string
}

/**
 * What an {@link Image} can be made from without touching the disk or the network: an
 * `http(s)://` or `gs://` URL, a `data:` URI, image bytes (the type is read from their magic
 * number), `{ url }`, or another Image.
 */
export type ImageSource = string | Uint8Array | ArrayBuffer | ImageFields | Image

/** The TypeBox schema of an Image value: `{ url: string }`. */
export type ImageValueSchema = TObject<{ url: TString }>

/** A fresh TypeBox schema of an Image value, `{ url: string }` with no other keys (untagged; see `specialTypeSchema`). */
export function imageValueSchema(): ImageValueSchema {
  return Type.Object({ url: Type.String() }, { additionalProperties: false })
}

function invalid(message: string): SpecialTypeError {
  return new SpecialTypeError({ message, typeName: 'Image' })
}

/** True for an `http:`, `https:` or `gs:` URL with a host (DSPy's `is_url`). */
function isImageURL(value: string): boolean {
  return /^(?:https?|gs):\/\/[^/?#]/i.test(value)
}

function normalizeImageSource(source: unknown): string {
  if (source instanceof Image) return source.url
  if (typeof source === 'string') {
    const text = source.trim()
    if (text.startsWith('data:') || isImageURL(text)) return text
    throw invalid(`Unrecognized image string: ${source}. Local files must be loaded with Image.fromPath().`)
  }
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source)
    const mimeType = sniffImageMimeType(bytes)
    if (mimeType === undefined) {
      throw invalid(`Bytes could not be identified as an image (${bytes.length} bytes, no known image signature).`)
    }
    return `data:${mimeType};base64,${encodeBase64(bytes)}`
  }
  if (isPlainRecord(source)) {
    const extra = Object.keys(source).filter((key) => key !== 'url')
    if (!('url' in source)) throw invalid('Image value object must have a `url` key.')
    if (extra.length > 0) throw invalid(`Image value object has unexpected keys: ${extra.join(', ')}; only \`url\` is allowed.`)
    return normalizeImageSource(source.url)
  }
  throw invalid(`Unsupported image type: ${receivedTypeName(source)}.`)
}

/**
 * An image input (`dspy.Image`): a remote URL or a base64 data URI, sent to the LM as an
 * `image_url` content part. Construction never reads a file or downloads anything; use
 * {@link Image.fromPath} or {@link Image.fromURL} for that.
 *
 * @example
 * ```ts
 * const remote = new Image('https://example.com/cat.png')
 * const inline = new Image(pngBytes) // data:image/png;base64,...
 * const local = await Image.fromPath('./cat.jpg')
 * remote.format() // [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }]
 * ```
 * @see DSPy `dspy.Image` (`dspy/adapters/types/image.py`)
 */
export class Image implements ImageFields {
  /** The image: an `http(s)://` or `gs://` URL, or a `data:<mime>;base64,...` URI. */
  readonly url: string

  /** @throws {SpecialTypeError} when the source is not a URL, data URI, recognisable image bytes or `{ url }`. */
  constructor(source: ImageSource) {
    this.url = normalizeImageSource(source)
    Object.freeze(this)
  }

  /**
   * Validates any value into an Image, as DSPy's pydantic validation does for a field typed `dspy.Image`.
   *
   * @throws {SpecialTypeError} when the value cannot be an image.
   */
  static from(value: unknown): Image {
    return value instanceof Image ? value : new Image(value as ImageSource)
  }

  /**
   * Reads a local image into a data URI. The MIME type comes from the extension (as Python's
   * `mimetypes` gives it), then from the bytes' magic number.
   *
   * @throws {SpecialTypeError} when the file does not exist or its type cannot be determined.
   */
  static async fromPath(path: string): Promise<Image> {
    const bytes = await readLocalFile(path, 'Image')
    const mimeType = guessMimeType(path) ?? sniffImageMimeType(bytes)
    if (mimeType === undefined) throw invalid(`Could not determine MIME type for file: ${path}`)
    return new Image(`data:${mimeType};base64,${encodeBase64(bytes)}`)
  }

  /**
   * Downloads an HTTP(S) image into a data URI, typed by the response's `Content-Type` or else the
   * URL's extension. This is the only way an Image touches the network.
   *
   * @throws {SpecialTypeError} when the URL is not HTTP(S), the download fails, or no MIME type can be found.
   */
  static async fromURL(url: string, options: FetchRemoteResourceOptions = {}): Promise<Image> {
    const { bytes, contentType } = await fetchRemoteResource(url, 'Image', options)
    const mimeType = contentType === '' ? guessMimeType(url) : contentType
    if (mimeType === undefined) throw invalid(`Could not determine MIME type for URL: ${url}`)
    return new Image(`data:${mimeType};base64,${encodeBase64(bytes)}`)
  }

  /** The text DSPy adds to a field's description for this type: none. */
  static description(): string {
    return ''
  }

  /** The OpenAI content parts DSPy sends for this image. */
  format(): [ImageURLContentPart] {
    return [{ type: 'image_url', image_url: { url: this.url } }]
  }

  /** DSPy's serialised form (pydantic `model_dump(mode="json")`): the content parts between the custom-type markers. */
  toJSON(): string {
    return serializeCustomTypeParts(this.format())
  }

  /** Python's `str()`: the same as {@link Image.toJSON}. */
  toString(): string {
    return this.toJSON()
  }

  /** Python's `repr()`, with base64 data elided: `Image(url=data:image/png;base64,<IMAGE_BASE_64_ENCODED(123)>)`. */
  repr(): string {
    const segments = this.url.split('base64,')
    if (this.url.includes('base64') && segments[1] !== undefined) {
      const imageType = (this.url.split(';')[0] ?? '').split('/').at(-1) ?? ''
      return `Image(url=data:image/${imageType};base64,<IMAGE_BASE_64_ENCODED(${segments[1].length})>)`
    }
    return `Image(url='${this.url}')`
  }
}
