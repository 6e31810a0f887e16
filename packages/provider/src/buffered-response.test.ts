import { describe, expect, it } from 'vitest'
import { BufferedResponse } from './buffered-response.js'

const response = (text: string): BufferedResponse =>
  new BufferedResponse(Buffer.from(text), { status: 201, headers: { 'content-type': 'application/json' } })

describe('BufferedResponse', () => {
  it('is a Response with the status and headers, and reads its bytes as text once', async () => {
    const buffered = response('{"a":"é"}')
    expect(buffered).toBeInstanceOf(Response)
    expect(buffered.status).toBe(201)
    expect(buffered.ok).toBe(true)
    expect(buffered.headers.get('content-type')).toBe('application/json')
    expect(buffered.bodyUsed).toBe(false)
    expect(await buffered.text()).toBe('{"a":"é"}')
    expect(buffered.bodyUsed).toBe(true)
    await expect(buffered.text()).rejects.toThrow(TypeError)
  })

  it('reads as JSON, bytes and a blob', async () => {
    expect(await response('{"a":1}').json()).toEqual({ a: 1 })
    expect(new TextDecoder().decode(await response('xyz').arrayBuffer())).toBe('xyz')
    expect(await (await response('blob').blob()).text()).toBe('blob')
  })

  it('builds the body stream only when asked, and clones before reading', async () => {
    const buffered = response('streamed')
    const copy = buffered.clone()
    expect(await new Response(buffered.body).text()).toBe('streamed')
    expect(await copy.text()).toBe('streamed')
    expect(new BufferedResponse(Buffer.alloc(0), { status: 204 }).body).toBeNull()
  })
})
