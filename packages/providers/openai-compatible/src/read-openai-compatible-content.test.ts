import { describe, expect, it } from 'vitest'
import { readOpenAICompatibleContent, readOpenAICompatibleContentPart } from './read-openai-compatible-content.js'

describe('readOpenAICompatibleContent', () => {
  it('keeps string content as the text, and no content as null', () => {
    expect(readOpenAICompatibleContent('Paris')).toEqual({ text: 'Paris' })
    expect(readOpenAICompatibleContent(null)).toEqual({ text: null })
    expect(readOpenAICompatibleContent(undefined)).toEqual({ text: null })
  })

  it("splits Mistral's typed parts: thinking to reasoning, text to text, other types skipped", () => {
    const content = [
      {
        type: 'thinking',
        thinking: [
          { type: 'text', text: 'Hmm, ' },
          { type: 'text', text: 'four.' },
        ],
      },
      { type: 'text', text: '2 + 2 = ' },
      { type: 'reference', reference_ids: [1] },
      { type: 'text', text: '4' },
    ]
    expect(readOpenAICompatibleContent(content)).toEqual({ text: '2 + 2 = 4', reasoning: 'Hmm, four.' })
  })

  it('reads a thinking part given as a string, and typed content without text as empty text', () => {
    expect(readOpenAICompatibleContent([{ type: 'thinking', thinking: 'Plain.' }])).toEqual({ text: '', reasoning: 'Plain.' })
    expect(readOpenAICompatibleContentPart({ type: 'image_url' })).toEqual({ text: null })
  })
})
