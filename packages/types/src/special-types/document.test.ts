import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recorded, recordedValues } from './__fixtures__/dspy-special-types.js'
import { Document } from './document.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('Document', () => {
  it('is made from its text or its fields, with text/plain by default', () => {
    expect(new Document('text')).toEqual(expect.objectContaining({ data: 'text', title: null, media_type: 'text/plain', context: null }))
    const document = new Document({ data: 'd', title: 'T', media_type: 'application/pdf' })
    expect(document.media_type).toBe('application/pdf')
    expect(Document.from(document)).toBe(document)
    expect(new Document(document).title).toBe('T')
  })

  it('names what is wrong', () => {
    expect(thrown(() => Document.from({ title: 'T' })).message).toBe('Document `data` must be a string, received undefined.')
    expect(thrown(() => Document.from({ data: 'd', media_type: 'text/html' })).message).toBe(
      "Document `media_type` must be 'text/plain' or 'application/pdf', received 'text/html'.",
    )
    expect(thrown(() => Document.from({ data: 'd', title: 5 })).message).toBe('Document `title` must be a string or null, received number.')
    expect(thrown(() => Document.from(5)).message).toBe('Received invalid value for `Document`: 5')
    expect(thrown(() => Document.from([])).typeName).toBe('Document')
  })

  it('has DSPy’s description', () => {
    expect(Document.description()).toBe(recorded.descriptions.Document)
  })

  for (const value of recordedValues('Document')) {
    it(`prints and serialises like DSPy: ${JSON.stringify(value.input)}`, () => {
      const document = Document.from(value.input)
      expect(document.repr()).toBe(value.repr)
      expect(document.toString()).toBe(value.str)
      expect(document.toJSON()).toBe(value.dump)
      expect(document.format()).toEqual(value.format)
      expect(JSON.stringify(document.format())).toBe(JSON.stringify(value.format))
    })
  }

  it('counts characters, not UTF-16 units, in str()', () => {
    expect(new Document({ data: '😀ab', title: 'E' }).toString()).toBe("Document('E': 3 chars)")
  })

  it('round-trips through its fields', () => {
    const document = new Document({ data: 'd', title: 'T', context: 'c' })
    const fields = JSON.parse(JSON.stringify({ data: document.data, title: document.title, context: document.context })) as object
    expect(Document.from(fields).format()).toEqual(document.format())
  })
})
