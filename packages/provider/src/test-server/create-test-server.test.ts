import { describe, expect, it } from 'vitest'
import { createTestServer, respondWith } from './create-test-server.js'

describe('createTestServer', () => {
  it('answers requests in turn, the last handler answering the rest, and records them', async () => {
    const server = await createTestServer([respondWith(429, { error: 'slow' }, { 'retry-after': '1' }), respondWith(200, '{"ok":true}')])
    try {
      const statuses: number[] = []
      for (const body of ['a', 'b', 'c']) {
        const response = await fetch(`${server.url}/v1/x?y=1`, { method: 'POST', body })
        statuses.push(response.status)
        if (response.status === 429) expect(response.headers.get('retry-after')).toBe('1')
        else expect(await response.json()).toEqual({ ok: true })
      }
      expect(statuses).toEqual([429, 200, 200])
      expect(server.requests.map((request) => [request.method, request.path, request.body])).toEqual([
        ['POST', '/v1/x?y=1', 'a'],
        ['POST', '/v1/x?y=1', 'b'],
        ['POST', '/v1/x?y=1', 'c'],
      ])
    } finally {
      await server.close()
    }
  })

  it('closes the connection when a handler throws', async () => {
    const server = await createTestServer(() => {
      throw new Error('broken handler')
    })
    try {
      await expect(fetch(server.url)).rejects.toThrow()
    } finally {
      await server.close()
    }
  })
})
