import { describe, expect, it } from 'vitest'
import { withUserAgent } from './with-user-agent.js'

describe('withUserAgent', () => {
  it('appends to the caller user agent and keeps other headers', () => {
    expect(withUserAgent({ 'User-Agent': 'my-app/1.0', accept: 'x' }, 'dspex-acme/0.1.0')).toEqual({
      'user-agent': 'my-app/1.0 dspex-acme/0.1.0',
      accept: 'x',
    })
  })

  it('sets one when there is none, and skips empty parts', () => {
    expect(withUserAgent(undefined, '', 'dspex-provider/0.0.0')).toEqual({ 'user-agent': 'dspex-provider/0.0.0' })
    expect(withUserAgent({}, '')).toEqual({})
  })
})
