import { afterEach, describe, expect, it } from 'vitest'
import { startFakeOpenAIServer } from './fake-openai-server.js'
import type { FakeProviderServer } from './start-fake-server.js'

let server: FakeProviderServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const postTo = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
const post = (url: string, body: unknown) => postTo(url, '/chat/completions', body)

describe('startFakeOpenAIServer', () => {
  it('answers a chat completion as JSON with usage and records the request', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'Paris' })
    const response = await post(server.url, { model: 'gpt-4o-mini', messages: [] })
    expect(response.status).toBe(200)
    const body = JSON.parse(await response.text())
    expect(body.object).toBe('chat.completion')
    expect(body.model).toBe('gpt-4o-mini')
    expect(body.choices[0].message).toMatchObject({ role: 'assistant', content: 'Paris' })
    expect(body.choices[0].finish_reason).toBe('stop')
    expect(body.usage).toEqual({ prompt_tokens: 10, completion_tokens: 1, total_tokens: 11 })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]?.json).toEqual({ model: 'gpt-4o-mini', messages: [] })
  })

  it('streams SSE chunks, then a usage chunk, then data: [DONE]', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'The answer is Paris' })
    const response = await post(server.url, { model: 'gpt-4o-mini', messages: [], stream: true })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = (await response.text()).split('\n\n').filter(Boolean)
    expect(events.at(-1)).toBe('data: [DONE]')
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)))
    const text = chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')
    expect(text).toBe('The answer is Paris')
    expect(chunks.at(-2).choices[0].finish_reason).toBe('stop')
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { total_tokens: 14 } })
  })

  it('writes tool calls with JSON-encoded arguments', async () => {
    server = await startFakeOpenAIServer({ reply: () => ({ toolCalls: [{ name: 'search', arguments: { q: 'x' } }] }) })
    const body = JSON.parse(await (await post(server.url, { model: 'm', messages: [] })).text())
    expect(body.choices[0].finish_reason).toBe('tool_calls')
    expect(body.choices[0].message.tool_calls[0]).toEqual({
      id: 'call_0',
      type: 'function',
      function: { name: 'search', arguments: '{"q":"x"}' },
    })
  })

  it('answers POST /responses with a response object: function calls, then the message, and usage', async () => {
    server = await startFakeOpenAIServer({
      reply: () => ({ text: 'Paris', toolCalls: [{ id: 'call_9', name: 'search', arguments: { q: 'x' } }] }),
    })
    const response = await postTo(server.url, '/responses', { model: 'gpt-4.1-mini', input: 'Hi', store: false })
    const body = JSON.parse(await response.text())
    expect(body).toMatchObject({ object: 'response', status: 'completed', model: 'gpt-4.1-mini', store: false })
    expect(body.output).toEqual([
      { type: 'function_call', id: 'fc_fake_0', call_id: 'call_9', name: 'search', arguments: '{"q":"x"}', status: 'completed' },
      {
        type: 'message',
        id: 'msg_fake',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Paris', annotations: [] }],
      },
    ])
    expect(body.usage).toEqual({
      input_tokens: 10,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 1,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 11,
    })
  })

  it('streams /responses as typed events ending with response.completed', async () => {
    server = await startFakeOpenAIServer({ reply: () => 'The answer' })
    const response = await postTo(server.url, '/responses', { model: 'gpt-4.1-mini', input: 'Hi', stream: true })
    const events = (await response.text()).split('\n\n').filter(Boolean)
    const parsed = events.map((event) => {
      const [name, data] = event.split('\n')
      return { name: name?.slice('event: '.length), data: JSON.parse(data?.slice('data: '.length) ?? '{}') }
    })
    for (const event of parsed) expect(event.data.type).toBe(event.name)
    expect(parsed.map((event) => event.name)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ])
    const text = parsed
      .filter((event) => event.name === 'response.output_text.delta')
      .map((event) => event.data.delta)
      .join('')
    expect(text).toBe('The answer')
    expect(parsed.at(-1)?.data.response.usage.output_tokens).toBe(2)
  })

  it('streams a function call as added, arguments delta and done events', async () => {
    server = await startFakeOpenAIServer({ reply: () => ({ toolCalls: [{ name: 'search', arguments: { q: 'x' } }] }) })
    const text = await (await postTo(server.url, '/responses', { model: 'm', input: 'Hi', stream: true })).text()
    expect(text).toContain('event: response.function_call_arguments.delta\n')
    expect(text).toContain('"arguments":"{\\"q\\":\\"x\\"}"')
    expect(text).toContain('event: response.completed\n')
  })

  it("sends a reply's reasoning as a reasoning item first, encrypted only when include asks for it", async () => {
    server = await startFakeOpenAIServer({ reply: () => ({ reasoning: 'Look it up', toolCalls: [{ id: 'call_1', name: 'search', arguments: {} }] }) })
    const plain = JSON.parse(await (await postTo(server.url, '/responses', { model: 'o4-mini', input: 'Hi' })).text())
    expect(plain.output.map((item: { type: string }) => item.type)).toEqual(['reasoning', 'function_call'])
    expect(plain.output[0]).toEqual({ type: 'reasoning', id: 'rs_fake', summary: [{ type: 'summary_text', text: 'Look it up' }] })
    const include = ['reasoning.encrypted_content']
    const encrypted = JSON.parse(await (await postTo(server.url, '/responses', { model: 'o4-mini', input: 'Hi', include })).text())
    expect(encrypted.output[0].encrypted_content).toBe(`enc_fake_${Buffer.from('Look it up').toString('base64')}`)
    const text = await (await postTo(server.url, '/responses', { model: 'o4-mini', input: 'Hi', include, stream: true })).text()
    const events = [...text.matchAll(/^data: (.+)$/gm)].map((match) => JSON.parse(match[1] ?? '{}'))
    const deltas = events.filter((event) => event.type === 'response.reasoning_summary_text.delta')
    expect(deltas.map((event) => event.delta).join('')).toBe('Look it up')
    expect(
      events
        .filter((event) => event.type !== 'response.reasoning_summary_text.delta')
        .map((event) => event.type)
        .slice(2, 7),
    ).toEqual([
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
    ])
    expect(text).toContain('"encrypted_content":"enc_fake_')
  })

  it('answers POST /embeddings with one vector per input, of the requested dimensions', async () => {
    server = await startFakeOpenAIServer()
    const response = await postTo(server.url, '/embeddings', {
      model: 'text-embedding-3-small',
      input: ['sunny day', 'rainy day', 'sunny day'],
      encoding_format: 'float',
      dimensions: 4,
    })
    const body = JSON.parse(await response.text())
    expect(body.object).toBe('list')
    expect(body.model).toBe('text-embedding-3-small')
    expect(body.data.map((item: { index: number }) => item.index)).toEqual([0, 1, 2])
    expect(body.data[0].embedding).toHaveLength(4)
    expect(body.data[0].embedding).toEqual(body.data[2].embedding)
    expect(body.data[0].embedding).not.toEqual(body.data[1].embedding)
    expect(body.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 })
    expect(server.requests[0]?.stream).toBe(false)
  })
})
