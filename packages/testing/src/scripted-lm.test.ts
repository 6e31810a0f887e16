import type { GenerateRequest, Message } from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { ScriptedLM } from './scripted-lm.js'

const ask = (content: string, n?: number): GenerateRequest => ({
  messages: [{ role: 'user', content }],
  ...(n === undefined ? {} : { n }),
})

describe('ScriptedLM', () => {
  it('answers from a list in order, then says it has no more responses', async () => {
    const model = new ScriptedLM([{ answer: 'red' }, { answer: 'blue', score: 0.5 }])
    expect((await model.generate(ask('q1'))).choices[0]?.text).toBe('[[ ## answer ## ]]\nred')
    expect((await model.generate(ask('q2'))).choices[0]?.text).toBe('[[ ## answer ## ]]\nblue\n\n[[ ## score ## ]]\n0.5')
    expect((await model.generate(ask('q3'))).choices[0]?.text).toBe('[[ ## answer ## ]]\nNo more responses')
    expect(model.requests).toHaveLength(3)
  })

  it('answers from a map keyed on text in the last message', async () => {
    const model = new ScriptedLM({ 'capital of France': { answer: 'Paris' }, 'sky colour': { answer: 'blue' } })
    expect((await model.generate(ask('What is the capital of France?'))).choices[0]?.text).toBe('[[ ## answer ## ]]\nParis')
    expect((await model.generate(ask('Something else'))).choices[0]?.text).toBe('No more responses')
  })

  it('answers from a function, with fields or raw text', async () => {
    const model = new ScriptedLM((request, index) => (index === 0 ? { tags: ['a', 'b'], ok: true } : `raw ${request.messages.length}`))
    expect((await model.generate(ask('x'))).choices[0]?.text).toBe('[[ ## tags ## ]]\n["a", "b"]\n\n[[ ## ok ## ]]\nTrue')
    expect((await model.generate(ask('y'))).choices[0]?.text).toBe('raw 1')
  })

  it('imitates the JSON and XML formats', async () => {
    const json = new ScriptedLM([{ answer: 'Paris', n: 2 }], { format: 'json' })
    expect((await json.generate(ask('q'))).choices[0]?.text).toBe('{\n  "answer": "Paris",\n  "n": 2\n}')
    const xml = new ScriptedLM([{ answer: 'Paris' }], { format: 'xml' })
    expect((await xml.generate(ask('q'))).choices[0]?.text).toBe('<answer>\nParis\n</answer>')
  })

  it('returns n choices, native reasoning when asked, and zero usage', async () => {
    const model = new ScriptedLM([{ answer: 'a' }, { answer: 'b' }], { reasoning: 'Some reasoning' })
    const result = await model.generate(ask('q', 2))
    expect(result.choices.map((choice) => [choice.text, choice.reasoning, choice.finishReason])).toEqual([
      ['[[ ## answer ## ]]\na', 'Some reasoning', 'stop'],
      ['[[ ## answer ## ]]\nb', 'Some reasoning', 'stop'],
    ])
    expect(result.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 })
    expect(model.capabilities.reasoning).toBe(true)
  })

  it('follows the examples in the prompt', async () => {
    const messages: Message[] = [
      { role: 'system', content: 'system' },
      { role: 'user', content: '[[ ## question ## ]]\nWhat colour is the sky?' },
      { role: 'assistant', content: '[[ ## answer ## ]]\nblue\n\n[[ ## completed ## ]]\n' },
      { role: 'user', content: '[[ ## question ## ]]\nWhat colour is grass?' },
      { role: 'assistant', content: '[[ ## answer ## ]]\ngreen\n\n[[ ## completed ## ]]\n' },
      { role: 'user', content: '[[ ## question ## ]]\nWhat colour is the sky?\n\nRespond with ...' },
    ]
    const model = new ScriptedLM([], { followExamples: true })
    expect((await model.generate({ messages })).choices[0]?.text).toBe('[[ ## answer ## ]]\nblue\n\n[[ ## completed ## ]]\n')
  })

  it('streams the answer and honours abort signals during its latency', async () => {
    const model = new ScriptedLM([{ answer: 'a' }], { latencyMs: 5 })
    const parts = []
    for await (const part of model.stream(ask('q'))) parts.push(part)
    expect(parts).toEqual([
      { type: 'text-delta', delta: '[[ ## answer ## ]]\na' },
      { type: 'finish', finishReason: 'stop', usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 } },
    ])
    const controller = new AbortController()
    const slow = new ScriptedLM([{ answer: 'a' }], { latencyMs: 1000 })
    const pending = slow.generate({ ...ask('q'), signal: controller.signal })
    controller.abort(new Error('stopped'))
    await expect(pending).rejects.toThrow('stopped')
  })
})
