import { describe, expect, it } from 'vitest'
import { collectRequestSecrets } from './collect-request-secrets.js'

describe('collectRequestSecrets', () => {
  it('finds credential headers, bearer tokens, key query parameters and explicit secrets', () => {
    const secrets = collectRequestSecrets(
      { Authorization: 'Bearer sk-1', 'x-api-key': 'ak-2', 'content-type': 'application/json', 'x-goog-api-key': undefined },
      'https://api.example.com/v1/models?key=gk-3&alt=sse',
      ['extra-4', undefined],
    )
    expect(secrets.sort()).toEqual(['Bearer sk-1', 'ak-2', 'extra-4', 'gk-3', 'sk-1'])
  })

  it('ignores a URL it cannot parse', () => {
    expect(collectRequestSecrets({}, 'not a url')).toEqual([])
  })
})
