import { describe, expect, it } from 'vitest'
import { createGoogleReasoningCollector } from './google-reasoning-parts.js'

describe('createGoogleReasoningCollector', () => {
  it('closes the gathered thought text at each signature and leaves function-call signatures alone', () => {
    const collector = createGoogleReasoningCollector()
    expect(collector.add({ text: 'a', thought: true })).toBeUndefined()
    expect(collector.add({ text: 'b', thought: true, thoughtSignature: 's1' })).toEqual({
      type: 'reasoning',
      provider: 'google',
      text: 'ab',
      signature: 's1',
    })
    expect(collector.add({ functionCall: { name: 'f' }, thoughtSignature: 's2' })).toBeUndefined()
    expect(collector.add({ text: 'Answer', thoughtSignature: 's3' })).toEqual({ type: 'reasoning', provider: 'google', text: '', signature: 's3' })
    expect(collector.flush()).toBeUndefined()
    collector.add({ text: 'left over', thought: true })
    expect(collector.flush()).toEqual({ type: 'reasoning', provider: 'google', text: 'left over' })
  })
})
