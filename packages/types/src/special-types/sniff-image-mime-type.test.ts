import { describe, expect, it } from 'vitest'
import { jpegBytes, pngBytes } from './__fixtures__/dspy-special-types.js'
import { sniffImageMimeType } from './sniff-image-mime-type.js'

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0))

describe('sniffImageMimeType', () => {
  it.each([
    ['PNG', pngBytes, 'image/png'],
    ['JPEG', jpegBytes, 'image/jpeg'],
    ['GIF87a', ascii('GIF87a\u0001\u0000'), 'image/gif'],
    ['GIF89a', ascii('GIF89a\u0001\u0000'), 'image/gif'],
    ['WebP', ascii('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), 'image/webp'],
    ['TIFF little-endian', ascii('II*\u0000\u0008\u0000'), 'image/tiff'],
    ['TIFF big-endian', ascii('MM\u0000*\u0000\u0000'), 'image/tiff'],
    ['BMP', ascii('BM\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0036\u0000\u0000\u0000'), 'image/bmp'],
    ['ICO', Uint8Array.from([0, 0, 1, 0, 1, 0]), 'image/vnd.microsoft.icon'],
    ['AVIF', ascii('\u0000\u0000\u0000\u001cftypavif'), 'image/avif'],
    ['PPM', ascii('P6\n1 1\n255\n'), 'image/x-portable-pixmap'],
  ])('%s', (_name, bytes, mime) => {
    expect(sniffImageMimeType(bytes)).toBe(mime)
  })

  it.each([
    ['empty', new Uint8Array()],
    ['text', ascii('hello world')],
    ['RIFF audio', ascii('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
    ['too short for BMP', ascii('BM')],
    ['PDF', ascii('%PDF-1.4')],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('%s is not an image', (_name, bytes) => {
    expect(sniffImageMimeType(bytes)).toBeUndefined()
  })
})
