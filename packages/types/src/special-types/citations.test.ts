import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recorded, recordedValues } from './__fixtures__/dspy-special-types.js'
import { Citation, Citations } from './citations.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

const cited = { cited_text: 'boils', document_index: 0, start_char_index: 6, end_char_index: 11 }

describe('Citations', () => {
  it('accepts { citations }, a list, or one citation', () => {
    expect(Citations.from({ citations: [cited] }).length).toBe(1)
    expect(Citations.from([cited, cited]).length).toBe(2)
    expect(Citations.from(cited).at(0)).toBeInstanceOf(Citation)
    const citations = Citations.fromDictList([cited])
    expect(Citations.from(citations)).toBe(citations)
    expect([...citations].map((citation) => citation.cited_text)).toEqual(['boils'])
    expect(citations.at(-1)?.type).toBe('char_location')
  })

  it('coerces integer strings like pydantic’s lax mode', () => {
    expect(Citations.from({ ...cited, document_index: '2' }).at(0)?.document_index).toBe(2)
  })

  it('names what is wrong', () => {
    expect(thrown(() => Citations.from({ citations: 'x' })).message).toBe("Received invalid value for `Citations`: {'citations': 'x'}")
    expect(thrown(() => Citations.from([{ text: 'x' }])).message).toContain('Received invalid value for `Citations`')
    expect(thrown(() => Citations.from({ ...cited, document_index: 1.5 })).message).toBe(
      'Citation `document_index` must be an integer, received 1.5.',
    )
    expect(thrown(() => Citations.from({ cited_text: 'x', document_index: 0, start_char_index: 0 })).message).toBe(
      'Citation `end_char_index` must be an integer, received nothing.',
    )
    expect(thrown(() => Citations.from({ ...cited, cited_text: 1 })).typeName).toBe('Citations')
  })

  it('reads native citations from a response', () => {
    expect(Citations.parseLMResponse({ citations: [cited] })?.length).toBe(1)
    expect(Citations.parseLMResponse({ text: 'x' })).toBeUndefined()
  })

  it('has DSPy’s description', () => {
    expect(Citations.description()).toBe(recorded.descriptions.Citations)
  })

  for (const value of recordedValues('Citations')) {
    it(`prints and serialises like DSPy: ${JSON.stringify(value.input).slice(0, 60)}`, () => {
      const citations = Citations.from(value.input)
      expect(citations.repr()).toBe(value.repr)
      expect(citations.toString()).toBe(value.str)
      expect(citations.toJSON()).toBe(value.dump)
      expect(JSON.stringify(citations.format())).toBe(JSON.stringify(value.format))
    })
  }

  it('round-trips through its formatted citations', () => {
    const citations = Citations.from([{ ...cited, document_title: 'Physics', supported_text: 'It boils.' }])
    expect(Citations.from(JSON.parse(JSON.stringify(citations.format()))).format()).toEqual(citations.format())
  })
})
