import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recordedValues, wavBytes } from './__fixtures__/dspy-special-types.js'
import { Audio } from './audio.js'
import { encodeBase64 } from './encode-base64.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('Audio construction', () => {
  it('reads the format from a data URI, dropping x-', () => {
    const audio = new Audio('data:audio/x-wav;base64,UklGRg==')
    expect(audio.data).toBe('UklGRg==')
    expect(audio.audio_format).toBe('wav')
    expect(new Audio('data:audio/ogg;codecs=opus;base64,T2dn').audio_format).toBe('ogg')
  })

  it('encodes bytes as wav by default, or in the given format', () => {
    expect(new Audio(wavBytes)).toEqual(expect.objectContaining({ data: encodeBase64(wavBytes), audio_format: 'wav' }))
    expect(new Audio(Buffer.from('abc'), { audio_format: 'mp3' }).audio_format).toBe('mp3')
    expect(new Audio(new Uint8Array([1, 2]).buffer).data).toBe('AQI=')
  })

  it('accepts { data, audio_format } and another Audio', () => {
    const audio = new Audio({ data: 'YWJj', audio_format: 'flac' })
    expect(audio.audio_format).toBe('flac')
    expect(new Audio(audio).data).toBe('YWJj')
    expect(Audio.from(audio)).toBe(audio)
    expect(Object.isFrozen(audio)).toBe(true)
  })

  it('refuses audio_format beside a source that carries its format', () => {
    for (const source of ['data:audio/wav;base64,AA==', { data: 'AA==', audio_format: 'wav' }, new Audio(wavBytes)]) {
      expect(thrown(() => new Audio(source, { audio_format: 'mp3' })).message).toBe(
        'Audio received audio_format alongside an input that already carries its format; provide only one.',
      )
    }
  })

  it('rejects a string that is not an audio data URI', () => {
    const error = thrown(() => new Audio('speech.wav'))
    expect(error.typeName).toBe('Audio')
    expect(error.message).toBe(
      'String audio inputs must be data URIs. Load local files with Audio.fromPath() and remote resources with Audio.fromURL().',
    )
    expect(thrown(() => new Audio('data:image/png;base64,AA==')).message).toContain('must be data URIs')
  })

  it('rejects a malformed data URI', () => {
    expect(thrown(() => new Audio('data:audio/;base64,AA==')).message).toContain('Malformed audio data URI')
    expect(thrown(() => new Audio('data:audio/wav;base64')).message).toContain('Malformed audio data URI')
  })

  it('names what is wrong with an object', () => {
    expect(thrown(() => Audio.from({ data: 'AA==' })).message).toBe('Audio value object must have both `data` (base64) and `audio_format` keys.')
    expect(thrown(() => Audio.from({ data: 1, audio_format: 'wav' })).message).toBe('Audio `data` must be a base64 string, received number.')
    expect(thrown(() => Audio.from({ data: 'AA==', audio_format: 'wav', rate: 16000 })).message).toContain('unexpected keys: rate')
    expect(thrown(() => Audio.from(true)).message).toBe('Unsupported type for audio: boolean.')
  })
})

describe('Audio serialisation matches DSPy', () => {
  for (const value of recordedValues('Audio')) {
    it(`${JSON.stringify(value.input)}`, () => {
      const audio = Audio.from(value.input)
      expect(audio.repr()).toBe(value.repr)
      expect(audio.toString()).toBe(value.str)
      expect(audio.toJSON()).toBe(value.dump)
      expect(audio.format()).toEqual(value.format)
    })
  }

  it('round-trips through its fields', () => {
    const audio = new Audio(wavBytes)
    const again = Audio.from(JSON.parse(JSON.stringify({ data: audio.data, audio_format: audio.audio_format })))
    expect(again.format()).toEqual(audio.format())
  })

  it('has no type description', () => {
    expect(Audio.description()).toBe('')
  })
})

describe('Audio.fromPath and fromURL', () => {
  let directory = ''
  let server: Server
  let base = ''
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dspex-audio-'))
    await writeFile(join(directory, 'speech.wav'), wavBytes)
    await writeFile(join(directory, 'song.mp3'), 'ID3')
    await writeFile(join(directory, 'notes.txt'), 'text')
    server = createServer((request, response) => {
      if (request.url === '/clip') response.writeHead(200, { 'Content-Type': 'audio/x-flac' })
      else if (request.url === '/untyped') response.writeHead(200)
      else response.writeHead(200, { 'Content-Type': 'text/html' })
      response.end('abc')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('names the format as Python mimetypes does', async () => {
    expect(await Audio.fromPath(join(directory, 'speech.wav'))).toEqual(
      expect.objectContaining({ data: encodeBase64(wavBytes), audio_format: 'wav' }),
    )
    expect((await Audio.fromPath(join(directory, 'song.mp3'))).audio_format).toBe('mpeg')
  })

  it('refuses a file whose type is not audio, and a missing file', async () => {
    await expect(Audio.fromPath(join(directory, 'notes.txt'))).rejects.toThrow('Unsupported MIME type for audio: text/plain')
    await expect(Audio.fromPath(join(directory, 'nothing.wav'))).rejects.toThrow('File not found')
  })

  it('downloads audio typed by Content-Type (default audio/wav)', async () => {
    expect(await Audio.fromURL(`${base}/clip`)).toEqual(expect.objectContaining({ data: 'YWJj', audio_format: 'flac' }))
    expect((await Audio.fromURL(`${base}/untyped`)).audio_format).toBe('wav')
    await expect(Audio.fromURL(`${base}/page`)).rejects.toThrow('Unsupported MIME type for audio: text/html')
    await expect(Audio.fromURL('file:///etc/passwd')).rejects.toThrow('Audio.fromURL requires an HTTP(S) URL')
  })
})
