interface ImageSignature {
  readonly mimeType: string
  readonly matches: (bytes: Uint8Array) => boolean
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  return prefix.every((byte, index) => bytes[offset + index] === byte)
}

function ascii(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0))
}

const signatures: readonly ImageSignature[] = [
  { mimeType: 'image/png', matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mimeType: 'image/jpeg', matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  { mimeType: 'image/gif', matches: (bytes) => startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')) },
  { mimeType: 'image/webp', matches: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) },
  {
    mimeType: 'image/tiff',
    matches: (bytes) => [ascii('II*\0'), ascii('MM\0*'), ascii('II+\0'), ascii('MM\0+')].some((prefix) => startsWith(bytes, prefix)),
  },
  { mimeType: 'image/bmp', matches: (bytes) => startsWith(bytes, ascii('BM')) && bytes.length >= 14 },
  { mimeType: 'image/vnd.microsoft.icon', matches: (bytes) => startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) },
  {
    mimeType: 'image/avif',
    matches: (bytes) => startsWith(bytes, ascii('ftyp'), 4) && (startsWith(bytes, ascii('avif'), 8) || startsWith(bytes, ascii('avis'), 8)),
  },
  {
    mimeType: 'image/x-portable-pixmap',
    matches: (bytes) =>
      bytes[0] === 0x50 && bytes[1] !== undefined && bytes[1] >= 0x31 && bytes[1] <= 0x36 && [0x09, 0x0a, 0x0d, 0x20].includes(bytes[2] ?? -1),
  },
]

/**
 * The MIME type of an image from its first bytes (its magic number): PNG, JPEG, GIF, WebP, TIFF,
 * BMP, ICO, AVIF and the netpbm formats, i.e. the formats Pillow opens without plugins and
 * DSPy can name. The names are those DSPy gives each format (`image/jpeg`, `image/vnd.microsoft.icon`,
 * `image/x-portable-pixmap` for every netpbm flavour, as Pillow reports them all as PPM).
 *
 * @returns the MIME type, or `undefined` when the bytes are not a recognised image.
 */
export function sniffImageMimeType(bytes: Uint8Array): string | undefined {
  return signatures.find((signature) => signature.matches(bytes))?.mimeType
}
