import { readFileSync } from 'node:fs'
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { openaiChatShape } from './__fixtures__/openai-chat-shape.js'
import { FakeAPIError, scriptedModel } from './__fixtures__/scripted-model.js'
import { AdapterConfigurationError } from './errors/adapter-configuration-error.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { TwoStepAdapter } from './two-step-adapter.js'

const recorded = JSON.parse(readFileSync(new URL('./__fixtures__/dspy-special-formats.json', import.meta.url), 'utf8')) as Record<string, unknown>

const extract = Signature.create({
  name: 'Ext',
  instructions: 'Extract.',
  fields: {
    text: InputField(t.string()),
    items: InputField(t.list(t.string())),
    n: OutputField(t.integer()),
    score: OutputField(t.number(), { desc: 'a score' }),
    meta: OutputField(t.dict(t.integer())),
  },
})

describe('TwoStepAdapter', () => {
  it('writes the plain first-stage prompt as DSPy does', () => {
    const adapter = new TwoStepAdapter(scriptedModel([]))
    const demos = [
      { text: 't', items: ['a', 'b'], n: 1, score: 1, meta: { k: 1 } },
      { text: 'partial', n: 2 },
    ]
    expect(adapter.format(extract, demos, { text: 'hello', items: [] }).map(openaiChatShape)).toEqual(recorded.twostep)
  })

  it('extracts the outputs with a ChatAdapter call on the extraction model', async () => {
    const extractor = scriptedModel(['[[ ## n ## ]]\n3\n\n[[ ## score ## ]]\n0.5\n\n[[ ## meta ## ]]\n{"k": 1}\n\n[[ ## completed ## ]]'])
    const main = scriptedModel(['n is three, the score one half, meta k=1'])
    const outputs = await new TwoStepAdapter(extractor).call(main, { signature: extract, inputs: { text: 'hello', items: [] } })
    expect(outputs).toEqual([{ n: 3, score: 0.5, meta: { k: 1 } }])
    expect(extractor.requests[0]?.messages.map(openaiChatShape)).toEqual(expectExtractPrompt('n is three, the score one half, meta k=1'))
  })

  it('wraps an extraction failure, and lets API errors through', async () => {
    const failing = new TwoStepAdapter(scriptedModel(['nothing useful', 'still nothing']))
    const error = await failing.extract(extract, 'raw answer').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AdapterParseError)
    expect((error as AdapterParseError).message).toMatch(/^Failed to parse response from the original completion: /)
    expect((error as AdapterParseError).lmResponse).toBe('raw answer')

    const apiError = new FakeAPIError('down')
    await expect(new TwoStepAdapter(scriptedModel([apiError])).extract(extract, 'raw')).rejects.toBe(apiError)
  })

  it('cannot parse synchronously, and needs a model', () => {
    expect(() => new TwoStepAdapter(scriptedModel([])).parse(extract, 'x')).toThrow(AdapterConfigurationError)
    expect(() => new TwoStepAdapter({} as never)).toThrow(AdapterConfigurationError)
  })
})

function expectExtractPrompt(text: string): unknown {
  const messages = recorded.twostep_extract_prompt as { role: string; content: string }[]
  return messages.map((message) => ({ ...message, content: message.content.replace('the completion', text) }))
}
