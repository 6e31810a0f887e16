import { describe, expect, it } from 'vitest'
import { checkCachedResult } from './check-cached-result.js'

describe('checkCachedResult', () => {
  it('accepts what a fresh call gives, unknown keys included', () => {
    expect(checkCachedResult({ choices: [{ text: 'Paris', finishReason: 'stop' }] })).toBeUndefined()
    expect(
      checkCachedResult({
        choices: [
          {
            text: null,
            finishReason: 'tool-calls',
            rawFinishReason: 'tool_calls',
            reasoning: 'thinking',
            reasoningParts: [{ type: 'reasoning', text: 'thinking', signature: 'sig' }],
            toolCalls: [{ id: 'call_1', name: 'search', args: { query: 'Paris' } }],
            logprobs: [-0.1],
          },
        ],
        usage: { promptTokens: 10, completionTokens: 2, totalTokens: 12, reasoningTokens: 1, someFutureCount: 'x' },
        responseModel: 'gpt-4o-mini-2024-07-18',
      }),
    ).toBeUndefined()
  })

  it('names what is wrong and where', () => {
    expect(checkCachedResult({ choices: [] })).toBe('choices is empty: an answer has at least one completion')
    expect(checkCachedResult({ choices: [{ text: 12345, finishReason: 'stop' }] })).toBe('choices[0].text is the number 12345, not a string or null')
    expect(checkCachedResult({ text: 12345 })).toBe('choices is missing, not a list')
    expect(checkCachedResult('{"choices": []}')).toBe('the entry is the string "{\\"choices\\": []}", not an object')
    expect(checkCachedResult(null)).toBe('the entry is null, not an object')
    expect(checkCachedResult({ choices: [{ text: 'a', finishReason: 'stop' }, 'b'] })).toBe('choices[1] is the string "b", not an object')
    expect(checkCachedResult({ choices: [{ text: 'a' }] })).toBe('choices[0].finishReason is missing, not a finish reason')
    expect(checkCachedResult({ choices: [{ text: 'a', finishReason: 'done' }] })).toBe(
      'choices[0].finishReason is the string "done", not a finish reason',
    )
    expect(checkCachedResult({ choices: [{ text: 'a', finishReason: 'stop', reasoning: 1 }] })).toBe(
      'choices[0].reasoning is the number 1, not a string',
    )
    expect(checkCachedResult({ choices: [{ text: null, finishReason: 'tool-calls', toolCalls: [{ id: 'c', name: 's', args: '{}' }] }] })).toBe(
      'choices[0].toolCalls[0] is not a tool call (a string id and name, an object of args)',
    )
    expect(checkCachedResult({ choices: [{ text: 'a', finishReason: 'stop', reasoningParts: [{ type: 'text', text: 'a' }] }] })).toBe(
      "choices[0].reasoningParts[0] is not a reasoning part (type 'reasoning' and a string text)",
    )
    const choices = [{ text: 'a', finishReason: 'stop' }]
    expect(checkCachedResult({ choices, usage: { promptTokens: 1, completionTokens: '2', totalTokens: 3 } })).toBe(
      'usage.completionTokens is the string "2", not a token count',
    )
    expect(checkCachedResult({ choices, usage: { promptTokens: 1, completionTokens: 2, totalTokens: 3, cachedPromptTokens: -1 } })).toBe(
      'usage.cachedPromptTokens is the number -1, not a token count',
    )
    expect(checkCachedResult({ choices, responseModel: 7 })).toBe('responseModel is the number 7, not a string')
  })
})
