import type { GenerateChoice, GenerateRequest, GenerateResult, LanguageModel } from '@dspex/provider'
import { addUsage } from './add-usage.js'

/** Runs one provider call, e.g. through a concurrency limiter. */
export type CallScheduler = <Result>(call: () => Promise<Result>) => Promise<Result>

/** What {@link generateCompletions} returns: the merged result and whether it fell short of `n`. */
export interface GeneratedCompletions {
  readonly result: GenerateResult
  /** How many completions were asked for and not returned, even after asking again. */
  readonly missing: number
}

/**
 * Calls the model and, when it returns fewer than `request.n` choices, calls it again (each follow-up
 * without `n`, all of a round at once) until there are `n`. Choices are concatenated in order,
 * usage summed and provider warnings kept; a round that adds nothing stops the loop.
 */
export async function generateCompletions(model: LanguageModel, request: GenerateRequest, schedule: CallScheduler): Promise<GeneratedCompletions> {
  const first = await schedule(() => model.generate(request))
  const wanted = request.n ?? 0
  if (request.n === undefined || first.choices.length === request.n) return { result: first, missing: 0 }
  const choices: GenerateChoice[] = [...first.choices]
  let usage = first.usage
  const warnings = [...(first.warnings ?? [])]
  if (choices.length < wanted) {
    const { n: _n, ...single } = request
    while (choices.length < wanted) {
      const round = await Promise.all(Array.from({ length: wanted - choices.length }, () => schedule(() => model.generate(single))))
      const before = choices.length
      for (const result of round) {
        choices.push(...result.choices)
        usage = addUsage(usage, result.usage)
        warnings.push(...(result.warnings ?? []))
      }
      if (choices.length === before) break
    }
  }
  const kept = request.n === undefined ? choices : choices.slice(0, request.n)
  const result: GenerateResult = {
    ...first,
    choices: kept,
    ...(usage === undefined ? {} : { usage }),
    ...(warnings.length === 0 ? {} : { warnings }),
  }
  return { result, missing: Math.max(0, wanted - kept.length) }
}
