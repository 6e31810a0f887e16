import { describe, expect, it } from 'vitest'
import { createFakeLanguageModel } from './__fixtures__/fake-language-model.js'
import { addUsage } from './add-usage.js'
import { generateCompletions } from './generate-completions.js'

const direct = <Result>(run: () => Promise<Result>): Promise<Result> => run()

describe('generateCompletions', () => {
  it('makes one call without n, even when the provider answers with nothing', async () => {
    const model = createFakeLanguageModel({ maxChoices: 0 })
    const { result, missing } = await generateCompletions(model, { messages: [] }, direct)
    expect([result.choices.length, missing, model.requests.length]).toEqual([0, 0, 1])
  })

  it('keeps at most n choices and the provider warnings of every call', async () => {
    const model = createFakeLanguageModel({ maxChoices: 2, warnings: ['w'] })
    const { result, missing } = await generateCompletions(model, { messages: [], n: 3 }, direct)
    expect(result.choices).toHaveLength(3)
    expect(result.warnings).toEqual(['w', 'w'])
    expect(missing).toBe(0)
    expect(model.requests).toHaveLength(2)
  })
})

describe('addUsage', () => {
  it('sums fields, keeping optional counts when either side has them', () => {
    expect(addUsage(undefined, undefined)).toBeUndefined()
    const usage = { promptTokens: 1, completionTokens: 2, totalTokens: 3 }
    expect(addUsage(usage, undefined)).toBe(usage)
    expect(addUsage(usage, { ...usage, reasoningTokens: 4 })).toEqual({ promptTokens: 2, completionTokens: 4, totalTokens: 6, reasoningTokens: 4 })
  })
})
