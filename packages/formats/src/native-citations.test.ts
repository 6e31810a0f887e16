import type { Citation as ProviderCitation } from '@dspex/provider'
import { Signature } from '@dspex/signatures'
import { Citations } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { allCapabilities, scriptedModel } from './__fixtures__/scripted-model.js'
import { ChatAdapter } from './chat-adapter.js'
import { nativeCitations } from './native-citations.js'

// DSPy 3.3.1 fills a `Citations` output from the citations the LM returns (Anthropic's), and leaves the field out of
// the prompt for a model that cites natively (`Citations.adapt_to_native_lm_feature` for `anthropic/` models).

const quote: ProviderCitation = {
  type: 'document',
  documentIndex: 1,
  documentTitle: 'Physics Fundamentals',
  citedText: 'Water boils at 100°C at standard atmospheric pressure.',
  location: { unit: 'char', start: 0, end: 54 },
  supportedText: 'water boils at 100°C',
}
const dspyQuote = {
  type: 'char_location',
  cited_text: 'Water boils at 100°C at standard atmospheric pressure.',
  document_index: 1,
  start_char_index: 0,
  end_char_index: 54,
  document_title: 'Physics Fundamentals',
  supported_text: 'water boils at 100°C',
}
const signature = Signature.parse('documents: list[Document], question -> answer, citations: Citations')

/** The `citations` output, which must be a `Citations`. */
function citationsOf(outputs: Readonly<Record<string, unknown>> | undefined): Citations {
  const value = outputs?.citations
  if (!(value instanceof Citations)) throw new Error(`expected Citations, got ${String(value)}`)
  return value
}

describe('native Citations', () => {
  it('a model that cites natively: the field leaves the prompt and is filled from the choice citations', async () => {
    const model = scriptedModel([[{ text: '[[ ## answer ## ]]\nAt 100°C.', citations: [quote] }]], { ...allCapabilities, citations: true })
    const [outputs] = await new ChatAdapter().call(model, { signature, inputs: { documents: [], question: 'When does water boil?' } })
    expect(model.requests[0]?.messages[0]?.content).not.toContain('[[ ## citations ## ]]')
    expect(outputs?.answer).toBe('At 100°C.')
    expect(outputs?.citations).toBeInstanceOf(Citations)
    expect(citationsOf(outputs).format()).toEqual([dspyQuote])
  })

  it('a cited answer without citations leaves the output null, as DSPy does', async () => {
    const model = scriptedModel([[{ text: '[[ ## answer ## ]]\nAt 100°C.' }]], { ...allCapabilities, citations: true })
    const [outputs] = await new ChatAdapter().call(model, { signature, inputs: { documents: [], question: 'q' } })
    expect(outputs?.citations).toBeNull()
  })

  it('any other model keeps the field in the prompt, and native citations still win when it returns some', async () => {
    const text = '[[ ## answer ## ]]\nAt 100°C.\n\n[[ ## citations ## ]]\n[]'
    const model = scriptedModel([[{ text, citations: [quote] }]], allCapabilities)
    const [outputs] = await new ChatAdapter().call(model, { signature, inputs: { documents: [], question: 'q' } })
    expect(model.requests[0]?.messages[0]?.content).toContain('[[ ## citations ## ]]')
    expect(citationsOf(outputs).format()).toEqual([dspyQuote])
  })

  it('is off when nativeResponseTypes leaves Citations out', async () => {
    const model = scriptedModel([[{ text: '[[ ## answer ## ]]\nx\n\n[[ ## citations ## ]]\n[]', citations: [quote] }]], {
      ...allCapabilities,
      citations: true,
    })
    const [outputs] = await new ChatAdapter({ nativeResponseTypes: ['Reasoning'] }).call(model, {
      signature,
      inputs: { documents: [], question: 'q' },
    })
    expect(model.requests[0]?.messages[0]?.content).toContain('[[ ## citations ## ]]')
    expect(JSON.stringify(outputs?.citations ?? null)).not.toContain('Water boils')
  })
})

describe('nativeCitations', () => {
  it('keeps only document quotes located by characters, which DSPy citations can hold', () => {
    const page: ProviderCitation = { type: 'document', documentIndex: 0, citedText: 'p', location: { unit: 'page', start: 1, end: 2 } }
    const web: ProviderCitation = { type: 'url', url: 'https://example.com' }
    expect(nativeCitations([page, web])).toBeUndefined()
    expect(nativeCitations(undefined)).toBeUndefined()
    const bare: ProviderCitation = { type: 'document', documentIndex: 2, citedText: 'q', location: { unit: 'char', start: 3, end: 4 } }
    expect(nativeCitations([page, bare])?.format()).toEqual([
      { type: 'char_location', cited_text: 'q', document_index: 2, start_char_index: 3, end_char_index: 4 },
    ])
  })
})
