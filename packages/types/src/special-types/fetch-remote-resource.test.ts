import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { fetchRemoteResource, isHTTPURL } from './fetch-remote-resource.js'

describe('isHTTPURL', () => {
  it.each([
    ['http://a', true],
    ['HTTPS://a/b', true],
    ['https:///a', false],
    ['gs://a/b', false],
    ['file:///etc/hosts', false],
    ['a.png', false],
  ])('%s → %s', (url, expected) => {
    expect(isHTTPURL(url)).toBe(expected)
  })
})

describe('fetchRemoteResource', () => {
  let server: Server
  let base = ''
  const hanging: ServerResponse[] = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') {
        hanging.push(response)
        return
      }
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' })
      response.end('hey')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const response of hanging) response.end()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })

  it('returns the bytes and the Content-Type', async () => {
    const resource = await fetchRemoteResource(`${base}/ok`, 'File')
    expect(new TextDecoder().decode(resource.bytes)).toBe('hey')
    expect(resource.contentType).toBe('application/octet-stream')
  })

  it('gives up after timeoutMs with a typed error', async () => {
    const error: unknown = await fetchRemoteResource(`${base}/slow`, 'Audio', { timeoutMs: 50 }).catch((caught: unknown) => caught)
    expect(SpecialTypeError.isInstance(error)).toBe(true)
    expect((error as SpecialTypeError).typeName).toBe('Audio')
    expect((error as SpecialTypeError).message).toContain(`Could not download ${base}/slow`)
  })

  it('stops when the caller aborts', async () => {
    const controller = new AbortController()
    const pending = fetchRemoteResource(`${base}/slow`, 'Image', { signal: controller.signal, timeoutMs: null })
    controller.abort()
    await expect(pending).rejects.toBeInstanceOf(SpecialTypeError)
  })
})
