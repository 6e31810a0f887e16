import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createHTTPSServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestServer, type TestServer } from './__fixtures__/create-test-server.js'
import { createNodeHTTPFetch } from './node-http-fetch.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const fetch = createNodeHTTPFetch()

describe('createNodeHTTPFetch', () => {
  it('sends the method, headers and a string body, and returns status, headers and body', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'r1' }).end('{"ok":true}')
    })
    const response = await fetch(`${server.url}/v1/things?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: '{"name":"é"}',
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('x-request-id')).toBe('r1')
    expect(await response.json()).toEqual({ ok: true })
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/v1/things?x=1')
    expect(request?.headers.authorization).toBe('Bearer k')
    expect(request?.headers['content-length']).toBe(String(Buffer.byteLength('{"name":"é"}')))
    expect(request?.body).toBe('{"name":"é"}')
  })

  it('reads the method, headers and body of a Request', async () => {
    server = await createTestServer((_request, response) => response.end('ok'))
    await fetch(new Request(`${server.url}/a`, { method: 'POST', body: 'from-request', headers: { 'x-a': '1' } }))
    expect(server.requests.map((request) => [request.method, request.path, request.body, request.headers['x-a']])).toEqual([
      ['POST', '/a', 'from-request', '1'],
    ])
  })

  it('reuses one keep-alive connection for calls made one after another', async () => {
    const sockets = new Set<unknown>()
    const plain = createServer((request, response) => {
      sockets.add(request.socket)
      response.end('ok')
    })
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`
    try {
      for (let call = 0; call < 3; call += 1) await (await fetch(url)).text()
      expect(sockets.size).toBe(1)
    } finally {
      plain.closeAllConnections()
      await new Promise((resolve) => plain.close(resolve))
    }
  })

  it('streams SSE bodies as they arrive', async () => {
    let finish: () => void = () => {}
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: 1\n\n')
      finish = () => response.end('data: 2\n\n')
    })
    const response = await fetch(`${server.url}/s`, { method: 'POST', body: '{}' })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('data: 1\n\n')
    finish()
    const second = await reader.read()
    expect(new TextDecoder().decode(second.value)).toBe('data: 2\n\n')
    expect((await reader.read()).done).toBe(true)
  })

  it('drops data the socket had queued once the reader cancels, at every point of a fast stream, without a stray throw', async () => {
    const stray: unknown[] = []
    const trap = (error: unknown): void => void stray.push(error)
    process.on('uncaughtException', trap)
    process.on('unhandledRejection', trap)
    try {
      const chunk = `data: ${'x'.repeat(4000)}\n\n`
      server = await createTestServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream' })
        for (let index = 0; index < 200; index += 1) response.write(chunk)
        response.end()
      })
      for (let reads = 1; reads <= 12; reads += 1) {
        const response = await fetch(`${server.url}/s`, { method: 'POST', body: '{}' })
        const reader = (response.body as ReadableStream<Uint8Array>).getReader()
        for (let index = 0; index < reads; index += 1) await reader.read()
        await reader.cancel()
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
      const response = await fetch(`${server.url}/s`, { method: 'POST', body: '{}' })
      for await (const _part of response.body as unknown as AsyncIterable<Uint8Array>) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    } finally {
      process.off('uncaughtException', trap)
      process.off('unhandledRejection', trap)
    }
    expect(stray).toEqual([])
  })

  it('speaks HTTPS, trusting an extra certificate authority when given one', async () => {
    const key = readFileSync(new URL('./__fixtures__/localhost-key.pem', import.meta.url), 'utf8')
    const cert = readFileSync(new URL('./__fixtures__/localhost-cert.pem', import.meta.url), 'utf8')
    const secure = createHTTPSServer({ key, cert }, (_request, response) => response.end('{"secure":true}'))
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve))
    const url = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/`
    try {
      const untrusted = await fetch(url).catch((error: unknown) => error)
      expect((untrusted as TypeError).message).toBe('fetch failed')
      expect(await (await createNodeHTTPFetch({ ca: cert })(url)).json()).toEqual({ secure: true })
    } finally {
      secure.closeAllConnections()
      await new Promise((resolve) => secure.close(resolve))
    }
  })

  it('rejects like fetch when the connection fails', async () => {
    const error = await fetch('http://127.0.0.1:9/').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('fetch failed')
    expect(((error as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED')
  })

  it.each([
    ['content-length', { 'content-length': '100' }],
    ['chunked', {}],
  ] as const)('rejects a buffered 200 whose %s body the connection cut short with "terminated", never a short body', async (_framing, framing) => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', ...framing })
      response.write('{"choices": [{"text": "par', () => setTimeout(() => response.socket?.destroy(), 5))
    })
    const error = await fetch(`${server.url}/v1`, { method: 'POST', body: '{}' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe('terminated')
    expect((error as TypeError).cause).toBeInstanceOf(Error)
  })

  it('errors the stream with "terminated" when the connection drops mid-stream', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' })
      response.write('{"a":1}\n', () => response.destroy())
    })
    const response = await fetch(`${server.url}/s`)
    await expect(response.text()).rejects.toThrow('terminated')
  })

  it('rejects with the signal reason when aborted before or during the call', async () => {
    server = await createTestServer(() => undefined)
    const before = new AbortController()
    before.abort(new Error('early'))
    await expect(fetch(server.url, { signal: before.signal })).rejects.toThrow('early')
    const during = new AbortController()
    const pending = fetch(server.url, { signal: during.signal })
    during.abort(new Error('late'))
    await expect(pending).rejects.toThrow('late')
  })

  it('errors a streaming body with the signal reason when aborted while it is read', async () => {
    server = await createTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.write('data: 1\n\n')
    })
    const controller = new AbortController()
    const response = await fetch(server.url, { signal: controller.signal })
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    controller.abort(new Error('stop reading'))
    await expect(reader.read()).rejects.toThrow('stop reading')
  })
})
