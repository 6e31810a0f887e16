import { createHash } from 'node:crypto'
import type { EvaluateMetric } from '@dspex/evaluate'
import { metricScore } from '@dspex/evaluate'
import { context, Example, getSetting, type Module, type Parameter, PythonRandom, type Settings, type TraceEntry } from '@dspex/primitives'
import type { ConcurrencyLimiter } from './concurrency-limiter.js'
import { BootstrapError } from './errors/bootstrap-error.js'
import { hasDemos } from './predictor-demos.js'
import { runInOrder } from './run-in-order.js'
import type { CompileProgress } from './teleprompter.js'

/** What {@link collectTraces} needs. */
export interface CollectTracesOptions {
  /** The program whose runs become demos (already given its labeled demos). */
  readonly teacher: Module<object, unknown>
  /** The examples to run the teacher on, in order. */
  readonly trainset: readonly Example[]
  /** Decides whether a run is kept; every run is kept when absent. */
  readonly metric?: EvaluateMetric | undefined
  /** A numeric metric passes at or above this (when truthy, as in DSPy); otherwise its truthiness decides. */
  readonly metricThreshold?: number | undefined
  /** Settings for the teacher's runs (`lm`, `adapter` ...). */
  readonly teacherSettings: Readonly<Partial<Settings>>
  /** Stop once this many examples gave a successful run. */
  readonly maxBootstraps: number
  /** Attempts per example; attempts after the first use a copy of the LM with `rolloutId` and temperature 1. */
  readonly maxRounds: number
  /** Failed runs (or metric calls) tolerated; the one that reaches this count stops the bootstrap. */
  readonly maxErrors: number
  /** How many teacher runs at once. */
  readonly concurrency: number
  /** A limit shared with other work of the same compile. */
  readonly limiter?: ConcurrencyLimiter | undefined
  /** Stops the bootstrap. */
  readonly signal?: AbortSignal | undefined
  /** Told after each example. */
  readonly onProgress?: ((progress: CompileProgress) => void) | undefined
}

/** What {@link collectTraces} found. */
export interface CollectedTraces {
  /** The augmented demos per teacher predictor name, in trainset order. */
  readonly demosByPredictor: ReadonlyMap<string, readonly Example[]>
  /** The indices of the train examples that gave a successful run. */
  readonly bootstrapped: ReadonlySet<number>
  /** How many attempts were counted (DSPy's `bootstrap_attempts`). */
  readonly attempts: number
  /** How many attempts failed with an error. */
  readonly errors: number
}

type AttemptOutcome =
  | { readonly success: true; readonly demos: ReadonlyMap<string, Example[]> }
  | { readonly success: false; readonly error?: unknown }

/**
 * DSPy's bootstrap loop (`BootstrapFewShot._bootstrap`): runs the teacher on each train example
 * with a fresh trace, the example removed from the teacher's demos, and keeps every traced
 * predictor call of a run the metric accepts as an augmented demo
 * (`Example({ augmented: true, ...inputs, ...outputs })`), until `maxBootstraps` examples succeeded.
 *
 * Runs go `concurrency` at a time but are accepted strictly in trainset order and runs past the
 * cutoff are discarded, so the result (and the error count) equals DSPy's sequential loop.
 *
 * @throws {BootstrapError} once `maxErrors` runs failed (counted in trainset order); the signal's reason when aborted.
 * @see dspy.BootstrapFewShot._bootstrap
 */
export async function collectTraces(options: CollectTracesOptions): Promise<CollectedTraces> {
  const { trainset, maxBootstraps, maxRounds, maxErrors } = options
  const demosByPredictor = new Map<string, Example[]>(options.teacher.namedPredictors().map(([name]) => [name, []]))
  const bootstrapped = new Set<number>()
  let attempts = 0
  let errors = 0
  let accepted = 0
  if (maxBootstraps <= 0 || trainset.length === 0) return { demosByPredictor, bootstrapped, attempts, errors }

  const runExample = async (example: Example, _index: number, signal: AbortSignal): Promise<AttemptOutcome[]> => {
    const outcomes: AttemptOutcome[] = []
    for (let round = 0; round < maxRounds; round += 1) {
      const outcome = await attempt(options, example, round, signal)
      outcomes.push(outcome)
      if (outcome.success) break
    }
    return outcomes
  }
  const limiter = options.limiter
  const task =
    limiter === undefined
      ? runExample
      : (example: Example, index: number, signal: AbortSignal) => limiter.run(() => runExample(example, index, signal))

  await runInOrder(
    trainset,
    task,
    (outcomes, index) => {
      for (const outcome of outcomes) {
        attempts += 1
        if (outcome.success) {
          bootstrapped.add(index)
          for (const [name, demos] of outcome.demos) demosByPredictor.get(name)?.push(...demos)
        } else if ('error' in outcome) {
          errors += 1
          if (errors >= maxErrors) {
            throw new BootstrapError({
              message: `Bootstrap stopped: ${errors} teacher runs or metric calls failed (maxErrors is ${maxErrors}); the last failure was on train example ${index}.`,
              code: 'bootstrap-max-errors',
              errorCount: errors,
              cause: outcome.error,
            })
          }
          getSetting('logger').warn(`Failed to run or to evaluate train example ${index}: ${String(outcome.error)}`)
        }
      }
      accepted = index + 1
      options.onProgress?.({ phase: 'bootstrap', completed: index + 1, total: trainset.length, message: `${bootstrapped.size} bootstrapped` })
      return bootstrapped.size >= maxBootstraps ? 'stop' : 'continue'
    },
    {
      concurrency: options.concurrency,
      signal: options.signal,
      // Start only as many runs as are likely needed: the demos still missing divided by the success rate
      // so far (counting one success in one run up front), so an early stop wastes few LM calls.
      lookahead: () => (maxBootstraps - bootstrapped.size) / ((bootstrapped.size + 1) / (accepted + 1)),
    },
  )
  return { demosByPredictor, bootstrapped, attempts, errors }
}

/** One teacher run on one example (DSPy's `_bootstrap_one_example`), errors caught and returned. */
async function attempt(options: CollectTracesOptions, example: Example, round: number, signal: AbortSignal): Promise<AttemptOutcome> {
  const teacher = teacherWithout(options.teacher, example)
  const names = new Map<Parameter, string>(teacher.namedPredictors().map(([name, predictor]) => [predictor, name]))
  const trace: TraceEntry[] = []
  try {
    const inputs = Object.fromEntries(example.inputs().items())
    const prediction = await context({ ...options.teacherSettings, trace }, () => {
      const run = (): Promise<unknown> => teacher.call(inputs, { signal })
      const lm = getSetting('lm')
      return round > 0 && lm !== null ? context({ lm: lm.copy({ rolloutId: round, temperature: 1 }) }, run) : run()
    })
    if (options.metric !== undefined) {
      const value = metricScore(await options.metric(example, prediction as never, trace))
      const threshold = options.metricThreshold
      const success = threshold !== undefined && threshold !== 0 ? value >= threshold : value !== 0 && !Number.isNaN(value)
      if (!success) return { success: false }
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason
    return { success: false, error }
  }
  return { success: true, demos: demosFromTrace(trace, names) }
}

/** A copy of the teacher whose predictors' demos leave out `example` (DSPy removes it in place for the run). */
function teacherWithout(teacher: Module<object, unknown>, example: Example): Module<object, unknown> {
  const copy = teacher.deepcopy()
  for (const [, predictor] of copy.namedPredictors()) {
    if (hasDemos(predictor)) predictor.demos = predictor.demos.filter((demo) => !example.equals(demo))
  }
  return copy
}

/** The augmented demos of a successful run, grouped by predictor name; one per predictor (see {@link pickOneDemo}). */
function demosFromTrace(trace: readonly TraceEntry[], names: ReadonlyMap<Parameter, string>): Map<string, Example[]> {
  const grouped = new Map<string, Example[]>()
  for (const [predictor, inputs, outputs] of trace) {
    const name = names.get(predictor)
    if (name === undefined) continue
    const fields = new Map<string, unknown>([['augmented', true]])
    for (const [key, value] of Object.entries(inputs)) fields.set(key, value)
    for (const [key, value] of outputs.items()) fields.set(key, value)
    const demos = grouped.get(name) ?? []
    demos.push(new Example(fields))
    grouped.set(name, demos)
  }
  for (const [name, demos] of grouped) if (demos.length > 1) grouped.set(name, [pickOneDemo(demos)])
  return grouped
}

/**
 * DSPy's choice when one predictor ran several times in a run: with probability one half the last
 * demo, otherwise one of the others, from a generator seeded by the demos' content. DSPy seeds
 * with its own hasher; DSPex seeds with a SHA-256 of the demos' JSON, so the choice is
 * deterministic but may differ from DSPy's in this multi-call case.
 */
function pickOneDemo(demos: readonly Example[]): Example {
  const digest = createHash('sha256')
    .update(JSON.stringify(demos.map((demo) => demo.toDict())))
    .digest('hex')
  const random = new PythonRandom(BigInt(`0x${digest.slice(0, 16)}`))
  return random.random() < 0.5 ? random.choice(demos.slice(0, -1)) : (demos.at(-1) as Example)
}
