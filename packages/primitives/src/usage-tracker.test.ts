import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from './settings.js'
import { configure, context, settings } from './settings-context.js'
import { recordUsage, trackUsage } from './track-usage.js'
import { mergeUsageEntries, UsageTracker } from './usage-tracker.js'

afterEach(() => configure(defaultSettings()))

describe('UsageTracker', () => {
  it('sums entries per model, nested details included (DSPy test_usage_tracker.py)', () => {
    const tracker = new UsageTracker()
    tracker.addUsage('gpt-4o-mini', {
      prompt_tokens: 1117,
      completion_tokens: 46,
      total_tokens: 1163,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: null },
    })
    tracker.addUsage('gpt-4o-mini', {
      prompt_tokens: 800,
      completion_tokens: 100,
      total_tokens: 900,
      prompt_tokens_details: { cached_tokens: 50, audio_tokens: null },
    })
    tracker.addUsage('gpt-3.5-turbo', { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 })
    expect(tracker.totals()).toEqual({
      'gpt-4o-mini': {
        prompt_tokens: 1917,
        completion_tokens: 146,
        total_tokens: 2063,
        prompt_tokens_details: { cached_tokens: 50, audio_tokens: null },
      },
      'gpt-3.5-turbo': { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    })
    expect(tracker.entries.get('gpt-4o-mini')).toHaveLength(2)
  })

  it('ignores empty entries and flattens values with toJSON', () => {
    const tracker = new UsageTracker()
    tracker.addUsage('m', {})
    expect(tracker.totals()).toEqual({})
    tracker.addUsage('m', { prompt_tokens: 1, details: { toJSON: () => ({ cached: 2 }) } })
    expect(tracker.entries.get('m')).toEqual([{ prompt_tokens: 1, details: { cached: 2 } }])
  })

  it("merges as DSPy's _merge_usage_entries does", () => {
    expect(mergeUsageEntries(null, { a: 1 })).toEqual({ a: 1 })
    expect(mergeUsageEntries({ a: 1 }, {})).toEqual({ a: 1 })
    expect(mergeUsageEntries({ a: 1, b: null }, { a: null, c: 2 })).toEqual({ a: 1, c: 2 })
    expect(mergeUsageEntries({ d: { x: 1 } }, { d: null })).toEqual({ d: { x: 1 } })
    expect(Object.keys(mergeUsageEntries({ first: 1 }, { second: 2 }))).toEqual(['second', 'first'])
  })
})

describe('trackUsage', () => {
  it('collects the usage recorded inside, awaits and concurrent work included', async () => {
    const { result, usage } = await trackUsage(async (tracker) => {
      recordUsage('m', { prompt_tokens: 1 })
      await Promise.all([1, 2, 3].map(async (n) => recordUsage('m', { prompt_tokens: n })))
      expect(settings().usageTracker).toBe(tracker)
      return 'done'
    })
    expect(result).toBe('done')
    expect(usage).toEqual({ m: { prompt_tokens: 7 } })
    expect(settings().usageTracker).toBeNull()
  })

  it('keeps concurrent trackers apart', async () => {
    const runs = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        trackUsage(async () => {
          await new Promise((resolve) => setTimeout(resolve, index % 3))
          recordUsage(`model-${index % 2}`, { total_tokens: index })
        }),
      ),
    )
    for (const [index, { usage }] of runs.entries()) expect(usage).toEqual({ [`model-${index % 2}`]: { total_tokens: index } })
  })

  it('records nothing without a tracker', () => {
    expect(() => recordUsage('m', { prompt_tokens: 1 })).not.toThrow()
    context({ usageTracker: null }, () => recordUsage('m', { prompt_tokens: 1 }))
  })
})
