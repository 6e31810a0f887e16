import { Evaluate, type EvaluateMetric } from '@dspex/evaluate'
import { getSetting, type Module, PythonRandom } from '@dspex/primitives'
import { BootstrapFewShot, type BootstrapFewShotOptions, type BootstrapFewShotSettings, bootstrapFewShot } from './bootstrap-few-shot.js'
import { reportCompile } from './compile-callbacks.js'
import { ConcurrencyLimiter } from './concurrency-limiter.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { labeledFewShot } from './labeled-few-shot.js'
import { runInOrder } from './run-in-order.js'
import type { CompileOptions, Teleprompter } from './teleprompter.js'

/** Options of {@link BootstrapFewShotWithRandomSearch}'s constructor. */
export interface BootstrapFewShotWithRandomSearchOptions extends Omit<BootstrapFewShotOptions, 'metric'> {
  /** Filters bootstrapped runs and scores the candidates on the valset. */
  readonly metric: EvaluateMetric
  /** How many shuffled-bootstrap candidates (seeds 0 to N-1) besides the three baselines; 16 by default. */
  readonly numCandidatePrograms?: number
  /** Stop as soon as a candidate (in seed order) scores at least this (a percentage). */
  readonly stopAtScore?: number
}

/** What {@link BootstrapFewShotWithRandomSearch.compile} accepts. */
export interface RandomSearchCompileOptions extends CompileOptions {
  /** Only these seeds (-3 to N-1) are tried. */
  readonly restrict?: readonly number[]
  /** Seed -2 samples its labeled demos (true, the default) or takes the first ones. */
  readonly labeledSample?: boolean
}

/** One candidate the search evaluated. */
export interface CandidateProgram<Program> {
  /** Its score on the valset, in percent. */
  readonly score: number
  /** Each valset example's score, in valset order. */
  readonly subscores: readonly number[]
  /** -3 zero-shot, -2 labeled demos only, -1 unshuffled bootstrap, 0.. shuffled bootstraps. */
  readonly seed: number
  /** The candidate program. */
  readonly program: Program
}

/** The best program, with every evaluated candidate attached (best first; ties in seed order). */
export type ProgramWithCandidates<Program> = Program & { readonly candidatePrograms: readonly CandidateProgram<Program>[] }

/**
 * DSPy's BootstrapFewShotWithRandomSearch (`BootstrapRS`): builds candidates — seed -3 the
 * zero-shot student, -2 labeled demos only, -1 BootstrapFewShot on the trainset as given, and seeds
 * 0 to N-1 BootstrapFewShot on the trainset shuffled by `Random(seed)` with `Random(seed).randint(1,
 * maxBootstrappedDemos)` demos — scores each on the valset (the trainset by default) with
 * `Evaluate`, and returns the best, the first in seed order on ties.
 *
 * Candidates are built and evaluated concurrently under one `concurrency` limit on program calls,
 * yet accepted in seed order (`stopAtScore` discards later ones), so the choice equals DSPy's
 * sequential search.
 *
 * @example
 * ```ts
 * const search = new BootstrapFewShotWithRandomSearch({ metric: answerExactMatch, numCandidatePrograms: 8, concurrency: 32 })
 * const best = await search.compile(program, { trainset, valset })
 * best.candidatePrograms.map(({ seed, score }) => [seed, score])
 * ```
 * @see dspy.BootstrapFewShotWithRandomSearch
 */
export class BootstrapFewShotWithRandomSearch implements Teleprompter<RandomSearchCompileOptions> {
  /** The bootstrap options with defaults applied (`maxBootstrappedDemos` is the largest demo count tried). */
  readonly settings: BootstrapFewShotSettings & { readonly metric: EvaluateMetric }
  /** How many shuffled candidates. */
  readonly numCandidatePrograms: number
  /** The early-stopping score, if any. */
  readonly stopAtScore: number | undefined

  /** @throws {CompileOptionsError} (`compile-invalid-options`) for a bad count. */
  constructor(options: BootstrapFewShotWithRandomSearchOptions) {
    const { numCandidatePrograms = 16, stopAtScore, ...bootstrap } = options
    this.settings = { ...new BootstrapFewShot(bootstrap).settings, metric: options.metric }
    if (!Number.isInteger(numCandidatePrograms) || numCandidatePrograms < 0) {
      throw new CompileOptionsError({
        message: `BootstrapFewShotWithRandomSearch: numCandidatePrograms must be a non-negative integer, got ${numCandidatePrograms}.`,
        code: 'compile-invalid-options',
      })
    }
    this.numCandidatePrograms = numCandidatePrograms
    this.stopAtScore = stopAtScore
  }

  /**
   * The best candidate (a new program; the student is untouched), with `candidatePrograms`.
   *
   * @throws {CompileOptionsError} when `restrict` matches no seed or the student is compiled;
   * {@link BootstrapError} or `EvaluateError` when a candidate hit `maxErrors`; the signal's reason when aborted.
   */
  compile<Program extends Module<object, unknown>>(student: Program, options: RandomSearchCompileOptions): Promise<ProgramWithCandidates<Program>> {
    return reportCompile(this, student, options, () => this.#compile(student, options))
  }

  async #compile<Program extends Module<object, unknown>>(
    student: Program,
    options: RandomSearchCompileOptions,
  ): Promise<ProgramWithCandidates<Program>> {
    const { trainset, signal } = options
    const valset = options.valset !== undefined && options.valset.length > 0 ? options.valset : trainset
    const restrict = options.restrict === undefined ? undefined : new Set(options.restrict)
    const seeds = range(-3, this.numCandidatePrograms).filter((seed) => restrict === undefined || restrict.has(seed))
    if (seeds.length === 0) {
      throw new CompileOptionsError({
        message: `restrict [${[...(restrict ?? [])].join(', ')}] matches no candidate seed in -3..${this.numCandidatePrograms - 1}.`,
        code: 'compile-invalid-options',
      })
    }
    const settings = { ...this.settings, maxErrors: this.settings.maxErrors ?? getSetting('maxErrors') }
    const limiter = new ConcurrencyLimiter(settings.concurrency)

    const buildAndScore = async (seed: number, _index: number, candidateSignal: AbortSignal): Promise<CandidateProgram<Program>> => {
      const program = await buildCandidate(student, seed, settings, { ...options, signal: candidateSignal }, limiter)
      const evaluate = new Evaluate({ devset: valset, metric: settings.metric, concurrency: settings.concurrency, maxErrors: settings.maxErrors })
      const limited = {
        call: (inputs: Record<string, unknown>, callOptions: { readonly signal?: AbortSignal }) =>
          limiter.run(() => program.call(inputs, callOptions)),
      }
      const result = await evaluate.run(limited, { signal: candidateSignal })
      candidateSignal.throwIfAborted()
      return { seed, program, score: result.score, subscores: result.results.map((entry) => entry.score) }
    }

    const candidates: CandidateProgram<Program>[] = []
    let best: CandidateProgram<Program> | undefined
    await runInOrder(
      seeds,
      buildAndScore,
      (candidate) => {
        if (best === undefined || candidate.score > best.score) best = candidate
        candidates.push(candidate)
        options.onProgress?.({
          phase: 'evaluate-candidate',
          completed: candidates.length,
          total: seeds.length,
          message: `candidate ${candidate.seed} scored ${candidate.score}; best ${best.score} (seed ${best.seed})`,
        })
        return this.stopAtScore !== undefined && candidate.score >= this.stopAtScore ? 'stop' : 'continue'
      },
      { concurrency: seeds.length, signal },
    )
    const chosen = (best as CandidateProgram<Program>).program
    const sorted = [...candidates].sort((left, right) => right.score - left.score)
    Object.defineProperty(chosen, 'candidatePrograms', { value: sorted, enumerable: false, configurable: true, writable: true })
    return chosen as ProgramWithCandidates<Program>
  }

  /** The options, for logs. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    return { ...this.settings, numCandidatePrograms: this.numCandidatePrograms, stopAtScore: this.stopAtScore }
  }
}

/** The program of one seed, as DSPy's loop builds it. */
function buildCandidate<Program extends Module<object, unknown>>(
  student: Program,
  seed: number,
  settings: BootstrapFewShotSettings,
  options: RandomSearchCompileOptions,
  limiter: ConcurrencyLimiter,
): Promise<Program> {
  const trainset = [...options.trainset]
  const compileOptions = { trainset, signal: options.signal, ...(options.teacher === undefined ? {} : { teacher: options.teacher }) }
  if (seed === -3) return Promise.resolve(student.resetCopy())
  if (seed === -2) return Promise.resolve(labeledFewShot(student, trainset, settings.maxLabeledDemos, options.labeledSample ?? true))
  if (seed === -1) return bootstrapFewShot(student, settings, compileOptions, limiter)
  new PythonRandom(seed).shuffle(trainset)
  const size = new PythonRandom(seed).randint(1, settings.maxBootstrappedDemos)
  return bootstrapFewShot(student, { ...settings, maxBootstrappedDemos: size }, compileOptions, limiter)
}

function range(start: number, stop: number): number[] {
  return Array.from({ length: Math.max(0, stop - start) }, (_, index) => start + index)
}
