import { readFileSync } from 'node:fs'
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { Audio, Document, File, Image, t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { openaiChatShape } from './__fixtures__/openai-chat-shape.js'
import { ChatAdapter } from './chat-adapter.js'
import { expandCustomTypeMarkers } from './expand-custom-type-markers.js'
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
