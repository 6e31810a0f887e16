import { InvalidResponseDataError } from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { parseOpenAICompatibleToolCall } from './parse-openai-compatible-tool-call.js'

describe('parseOpenAICompatibleToolCall', () => {
  it('parses JSON arguments into an object', () => {
    expect(parseOpenAICompatibleToolCall({ id: 'c1', name: 'weather', arguments: '{"location":"SF"}' })).toEqual({
      id: 'c1',
      name: 'weather',
      args: { location: 'SF' },
    })
  })

  it('treats empty arguments as no arguments', () => {
    expect(parseOpenAICompatibleToolCall({ id: 'c1', name: 'now', arguments: '' }).args).toEqual({})
  })

  it('rejects invalid JSON and non-object arguments, keeping the raw text', () => {
    for (const text of ['{"location":', '[1, 2]', '"SF"', 'null']) {
      let caught: unknown
      try {
        parseOpenAICompatibleToolCall({ id: 'c1', name: 'weather', arguments: text })
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(InvalidResponseDataError)
      expect((caught as InvalidResponseDataError).text).toBe(text)
      expect((caught as InvalidResponseDataError).message).toContain('c1 (weather)')
    }
  })
})
