import { describe, expect, it } from 'vitest'
import { buildOllamaChatRequestBody } from './ollama-chat-request-body.js'

const messages = [{ role: 'user', content: 'Hi' }] as const

describe('buildOllamaChatRequestBody', () => {
  it('sends only the model, messages and stream when nothing else is set', () => {
    const { body, warnings } = buildOllamaChatRequestBody('llama3.2', { messages }, true)
    expect(body).toEqual({ model: 'llama3.2', messages: [{ role: 'user', content: 'Hi' }], stream: true })
    expect(warnings).toEqual([])
  })

  it('leaves tools out for toolChoice none and warns about settings Ollama cannot honour', () => {
    const tool = { name: 'f', description: 'd', parameters: { type: 'object' } }
    const none = buildOllamaChatRequestBody('m', { messages, tools: [tool], toolChoice: 'none' }, false)
    expect(none.body.tools).toBeUndefined()
    const { warnings } = buildOllamaChatRequestBody('m', { messages, tools: [tool], toolChoice: 'required', n: 2, reasoningEffort: 'high' }, false)
    expect(warnings).toHaveLength(3)
  })

  it('ignores malformed providerOptions.ollama values', () => {
    const { body } = buildOllamaChatRequestBody('m', { messages, providerOptions: { ollama: { think: 'yes', keep_alive: {}, options: [] } } }, false)
    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'Hi' }], stream: false })
  })
})
