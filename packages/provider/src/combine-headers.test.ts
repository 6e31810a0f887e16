import { describe, expect, it } from 'vitest'
import { combineHeaders } from './combine-headers.js'

describe('combineHeaders', () => {
  it('merges case-insensitively, later records winning, dropping undefined values', () => {
    expect(
      combineHeaders({ Authorization: 'Bearer a', 'X-Trace': '1' }, undefined, {
        authorization: 'Bearer b',
        'x-trace': undefined,
        Accept: 'text/event-stream',
      }),
    ).toEqual({ authorization: 'Bearer b', accept: 'text/event-stream' })
  })
})
