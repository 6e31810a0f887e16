import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { pythonJSONDumps } from '../python-json-dumps.js'
import { jpegBytes, pngBytes, recordedValues } from './__fixtures__/dspy-special-types.js'
import { encodeBase64 } from './encode-base64.js'
import { Image } from './image.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('Image construction', () => {
  it.each(['http://example.com/a.png', 'https://example.com/a.png?x=1', 'gs://bucket/cat.jpg', 'HTTPS://EXAMPLE.COM/A'])(
    'keeps the URL %s as it is',
    (url) => {
      expect(new Image(url).url).toBe(url)
    },
  )

  it('trims whitespace around a URL (str_strip_whitespace)', () => {
    expect(new Image('  https://example.com/a.png \n').url).toBe('https://example.com/a.png')
  })

  it('keeps a data URI as it is', () => {
    expect(new Image('data:image/gif;base64,R0lGODlh').url).toBe('data:image/gif;base64,R0lGODlh')
  })

  it('encodes PNG bytes into a data URI typed from the magic number', () => {
    expect(new Image(pngBytes).url).toBe(`data:image/png;base64,${encodeBase64(pngBytes)}`)
  })

  it('accepts a Buffer and an ArrayBuffer', () => {
    expect(new Image(Buffer.from(jpegBytes)).url).toBe(`data:image/jpeg;base64,${encodeBase64(jpegBytes)}`)
    const copy = jpegBytes.slice().buffer
    expect(new Image(copy).url.startsWith('data:image/jpeg;base64,')).toBe(true)
  })

  it('accepts { url }, another Image, and validates through Image.from', () => {
    const image = new Image({ url: 'https://example.com/a.png' })
    expect(new Image(image).url).toBe(image.url)
    expect(Image.from(image)).toBe(image)
    expect(Image.from({ url: 'gs://b/c.png' }).url).toBe('gs://b/c.png')
  })

  it('is frozen', () => {
    const image = new Image('https://example.com/a.png')
    expect(Object.isFrozen(image)).toBe(true)
  })

  it('rejects a plain path, telling to use fromPath', () => {
    const error = thrown(() => new Image('photo.png'))
    expect(error.typeName).toBe('Image')
    expect(error.code).toBe('special-type')
    expect(error.message).toBe('Unrecognized image string: photo.png. Local files must be loaded with Image.fromPath().')
  })

  it('rejects a URL with an unsupported scheme or no host', () => {
    expect(thrown(() => new Image('ftp://example.com/a.png')).message).toContain('Unrecognized image string')
    expect(thrown(() => new Image('https:///a.png')).message).toContain('Unrecognized image string')
  })

  it('rejects bytes that are not an image', () => {
    const error = thrown(() => new Image(new TextEncoder().encode('hello world')))
    expect(error.message).toContain('Bytes could not be identified as an image')
    expect(error.message).toContain('11 bytes')
  })

  it('rejects { url } with other keys, objects without url, and other types', () => {
    expect(thrown(() => new Image({ url: 'https://x.y/z', detail: 'high' } as never)).message).toContain('unexpected keys: detail')
    expect(thrown(() => Image.from({ href: 'https://x.y/z' })).message).toContain('must have a `url` key')
    expect(thrown(() => Image.from(42)).message).toBe('Unsupported image type: number.')
    expect(thrown(() => Image.from(null)).message).toBe('Unsupported image type: null.')
  })
})

describe('Image serialisation matches DSPy', () => {
  for (const value of recordedValues('Image')) {
    it(`${JSON.stringify(value.input)}`, () => {
      const image = Image.from(value.input)
      expect(image.repr()).toBe(value.repr)
      expect(image.toString()).toBe(value.str)
      expect(image.toJSON()).toBe(value.dump)
      expect(image.format()).toEqual(value.format)
    })
  }

  it('formats as one image_url content part', () => {
    expect(new Image('https://example.com/a.png').format()).toEqual([{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }])
  })

  it('serialises inside JSON the way DSPy nests a custom type (the marker string)', () => {
    const image = new Image('https://example.com/a.png')
    expect(pythonJSONDumps([image])).toBe(JSON.stringify([image.toJSON()]))
    expect(JSON.parse(JSON.stringify({ image }))).toEqual({ image: image.toJSON() })
  })

  it('round-trips through its fields', () => {
    const image = new Image(pngBytes)
    expect(Image.from(JSON.parse(JSON.stringify({ url: image.url }))).url).toBe(image.url)
  })

  it('elides base64 in repr, keeping its length', () => {
    const image = new Image(pngBytes)
    expect(image.repr()).toBe(`Image(url=data:image/png;base64,<IMAGE_BASE_64_ENCODED(${encodeBase64(pngBytes).length})>)`)
  })

  it('has no type description', () => {
    expect(Image.description()).toBe('')
  })
})

describe('Image.fromPath', () => {
  let directory = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-image-'))
    await writeFile(join(directory, 'dot.png'), pngBytes)
    await writeFile(join(directory, 'photo.JPG'), jpegBytes)
    await writeFile(join(directory, 'no-extension'), pngBytes)
    await writeFile(join(directory, 'notes.unknownext'), 'not an image')
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('types the data URI from the extension', async () => {
    expect((await Image.fromPath(join(directory, 'dot.png'))).url).toBe(`data:image/png;base64,${encodeBase64(pngBytes)}`)
    expect((await Image.fromPath(join(directory, 'photo.JPG'))).url.startsWith('data:image/jpeg;base64,')).toBe(true)
  })

  it('falls back to the magic number when the extension says nothing', async () => {
    expect((await Image.fromPath(join(directory, 'no-extension'))).url.startsWith('data:image/png;base64,')).toBe(true)
  })

  it('fails when the type cannot be determined', async () => {
    const path = join(directory, 'notes.unknownext')
    await expect(Image.fromPath(path)).rejects.toThrow(`Could not determine MIME type for file: ${path}`)
  })

  it('fails with a typed error when the file does not exist', async () => {
    const path = join(directory, 'missing.png')
    const error: unknown = await Image.fromPath(path).catch((caught: unknown) => caught)
    expect(SpecialTypeError.isInstance(error)).toBe(true)
    expect((error as SpecialTypeError).message).toBe(`File not found: ${path}`)
  })
})

describe('Image.fromURL', () => {
  let server: Server
  let base = ''
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/typed') {
        response.writeHead(200, { 'Content-Type': 'image/png' })
        response.end(Buffer.from(pngBytes))
      } else if (request.url === '/untyped/cat.jpg') {
        response.writeHead(200)
        response.end(Buffer.from(jpegBytes))
      } else if (request.url === '/untyped/blob') {
        response.writeHead(200)
        response.end('x')
      } else {
        response.writeHead(404, 'Not Found')
        response.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('downloads into a data URI typed by Content-Type', async () => {
    expect((await Image.fromURL(`${base}/typed`)).url).toBe(`data:image/png;base64,${encodeBase64(pngBytes)}`)
  })

  it('types by the URL extension when there is no Content-Type', async () => {
    expect((await Image.fromURL(`${base}/untyped/cat.jpg`)).url.startsWith('data:image/jpeg;base64,')).toBe(true)
    await expect(Image.fromURL(`${base}/untyped/blob`)).rejects.toThrow('Could not determine MIME type for URL')
  })

  it('fails on an HTTP error status', async () => {
    await expect(Image.fromURL(`${base}/missing`)).rejects.toThrow(`Could not download ${base}/missing: HTTP 404 Not Found`)
  })

  it('refuses non-HTTP URLs without fetching', async () => {
    let called = false
    const fetch = (() => {
      called = true
      throw new Error('unreachable')
    }) as unknown as typeof globalThis.fetch
    await expect(Image.fromURL('gs://bucket/a.png', { fetch })).rejects.toThrow('Image.fromURL requires an HTTP(S) URL, received: gs://bucket/a.png')
    expect(called).toBe(false)
  })

  it('wraps a network failure in a typed error', async () => {
    const fetch = (() => Promise.reject(new TypeError('fetch failed'))) as typeof globalThis.fetch
    const error: unknown = await Image.fromURL('https://example.invalid/a.png', { fetch }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SpecialTypeError)
    expect((error as SpecialTypeError).cause).toBeInstanceOf(TypeError)
  })
})
