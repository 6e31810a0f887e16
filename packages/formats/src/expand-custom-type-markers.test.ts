import { readFileSync } from 'node:fs'
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { Audio, Document, File, Image, t } from '@dspex/types'
import { customTypeEndIdentifier, customTypeStartIdentifier } from '@dspex/types/internal'
import { describe, expect, it } from 'vitest'
import { openaiChatShape } from './__fixtures__/openai-chat-shape.js'
import { randomText, seededRandom } from './__fixtures__/seeded-random.js'
import { ChatAdapter } from './chat-adapter.js'
import { expandCustomTypeMarkers, splitMarkedText } from './expand-custom-type-markers.js'
import { JSONAdapter } from './json-adapter.js'
import { XMLAdapter } from './xml-adapter.js'

const recorded = JSON.parse(readFileSync(new URL('./__fixtures__/dspy-special-formats.json', import.meta.url), 'utf8')) as Record<string, unknown>

const picture = Signature.create({
  name: 'Pic',
  instructions: 'Describe.',
  fields: {
    image: InputField(t.image()),
    images: InputField(t.list(t.image())),
    question: InputField(t.string()),
    answer: OutputField(t.string()),
  },
})
const remote = new Image('https://example.com/a.png')
const inline = new Image('data:image/png;base64,iVBORw0KGgo=')

describe('multimodal inputs (recorded from DSPy 3.3.1)', () => {
  it.each([
    ['ChatAdapter', new ChatAdapter()],
    ['JSONAdapter', new JSONAdapter()],
    ['XMLAdapter', new XMLAdapter()],
  ])('splits images out of the user messages of the %s', (name, adapter) => {
    const messages = adapter.format(picture, [{ image: remote, images: [remote], question: 'dq', answer: 'da' }], {
      image: remote,
      images: [remote, inline],
      question: 'What?',
    })
    expect(messages.map(openaiChatShape)).toEqual(recorded[`image/${name}`])
  })

  it('gives data URIs their media type', () => {
    const message = expandCustomTypeMarkers({ role: 'user', content: `x${inline.toJSON()}` })
    expect(message.content).toEqual([
      { type: 'text', text: 'x' },
      { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', mediaType: 'image/png' },
    ])
  })

  it('turns audio, files and documents into their parts', () => {
    const audio = new Audio({ data: 'AAAA', audio_format: 'wav' })
    const file = new File({ file_data: 'data:application/pdf;base64,JVBE', filename: 'a.pdf' })
    const document = new Document({ data: 'Some text.', title: 'Doc' })
    const message = expandCustomTypeMarkers({ role: 'user', content: `${audio.toJSON()}${file.toJSON()}${document.toJSON()}` })
    expect(message.content).toEqual([
      { type: 'audio', data: 'AAAA', format: 'wav' },
      { type: 'file', data: 'data:application/pdf;base64,JVBE', filename: 'a.pdf', mediaType: 'application/pdf' },
      { type: 'document', data: 'Some text.', mediaType: 'text/plain', citations: true, title: 'Doc' },
    ])
  })

  it('leaves other messages and marker-free text alone', () => {
    const system = { role: 'system', content: remote.toJSON() } as const
    expect(expandCustomTypeMarkers(system)).toBe(system)
    const user = { role: 'user', content: 'plain' } as const
    expect(expandCustomTypeMarkers(user)).toBe(user)
  })
})

describe('splitMarkedText on hostile text', () => {
  const pattern = new RegExp(`${customTypeStartIdentifier}([\\s\\S]*?)${customTypeEndIdentifier}`, 'g')

  it('cuts the text where the pattern does, on 5,000 random texts', () => {
    // The pattern's spans, each expanded on its own (a text that is one marked span has one reading).
    const withPattern = (text: string): unknown[] => {
      const parts: unknown[] = []
      let lastEnd = 0
      for (const match of text.matchAll(pattern)) {
        if (match.index > lastEnd) parts.push({ type: 'text', text: text.slice(lastEnd, match.index) })
        parts.push(...splitMarkedText(match[0]))
        lastEnd = match.index + match[0].length
      }
      if (lastEnd < text.length) parts.push({ type: 'text', text: text.slice(lastEnd) })
      return parts
    }
    const payload = `[{"type": "text", "text": "t"}]`
    const next = seededRandom(23)
    for (let round = 0; round < 5000; round += 1) {
      const text = randomText(next, [customTypeStartIdentifier, customTypeEndIdentifier, 'x', ' ', payload], 8)
      expect(splitMarkedText(text), JSON.stringify(text)).toEqual(withPattern(text))
    }
  })

  it('reads 1 MB of start markers without an end in linear time', () => {
    const text = customTypeStartIdentifier.repeat(30_000)
    const started = performance.now()
    expect(splitMarkedText(text)).toEqual([{ type: 'text', text }])
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
