import { describe, expect, it } from 'vitest'
import { guessMimeType } from './guess-mime-type.js'

describe('guessMimeType follows Python’s mimetypes.guess_type', () => {
  it.each([
    ['photo.png', 'image/png'],
    ['/a/b/photo.JPG', 'image/jpeg'],
    ['c.jpe', 'image/jpeg'],
    ['speech.wav', 'audio/x-wav'],
    ['song.mp3', 'audio/mpeg'],
    ['paper.pdf', 'application/pdf'],
    ['notes.txt', 'text/plain'],
    ['icon.ico', 'image/vnd.microsoft.icon'],
    ['pic.webp', 'image/webp'],
    ['clip.flac', 'audio/flac'],
    ['README.md', 'text/markdown'],
    ['archive.tar.gz', 'application/x-tar'],
    ['drawing.svgz', 'image/svg+xml'],
    ['bundle.tgz', 'application/x-tar'],
    ['https://example.com/cat.gif', 'image/gif'],
    ['data:image/png;base64,AAA', 'image/png'],
    ['data:,hello', 'text/plain'],
    ['data:charset=utf-8,hi', 'text/plain'],
  ])('%s is %s', (path, mime) => {
    expect(guessMimeType(path)).toBe(mime)
  })

  it.each(['no-extension', '.bashrc', 'dir.d/file', 'file.unknownext', 'x.gz', 'data:no-comma', 'https://example.com/cat.png?size=2'])(
    '%s has no type',
    (path) => {
      expect(guessMimeType(path)).toBeUndefined()
    },
  )
})
