import { Evaluate, type EvaluateMetric } from '@dspex/evaluate'
import type { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context, type Module, type Prediction } from '@dspex/primitives'
import type { Signature } from '@dspex/signatures'
import { pythonFloatRepr } from '@dspex/types/internal'
import { reportCompile } from './compile-callbacks.js'
import { ConcurrencyLimiter } from './concurrency-limiter.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { BasicGenerateInstruction, GenerateInstructionGivenAttempts } from './instruction-signatures.js'
import { lastField, withInstructionAndPrefix, withSignature } from './predictor-signature.js'
import type { CompileOptions } from './teleprompter.js'

/** Options of {@link COPRO}'s constructor (DSPy's, in camelCase, plus `concurrency`). */
export interface COPROOptions {
  /** The LM that proposes instructions; the `lm` setting when absent. */
  readonly promptModel?: LM
  /** Scores the program on each train example. */
  readonly metric: EvaluateMetric
  /** Candidates per round (the first round: `breadth - 1` proposals plus the current instructions); above 1, 10 by default. */
  readonly breadth?: number
  /** Rounds of evaluation; after each but the last, new candidates are proposed from the scored attempts. 3 by default. */
  readonly depth?: number
  /** The temperature of the proposals; 1.4 by default. */
  readonly initTemperature?: number
  /** Collect min/max/average/stddev of the scores per round (see {@link COPROResult}). */
  readonly trackStats?: boolean
  /** Program calls at once, over all candidates evaluated together; the `concurrency` setting by default. */
  readonly concurrency?: number
}

/** One evaluated (instruction, prefix) for one predictor. */
export interface COPROCandidate<Program> {
  /** The score on the trainset, in percent. */
  readonly score: number
  /** The whole program as evaluated. */
  readonly program: Program
  /** The predictor's instruction. */
  readonly instruction: string
  /** The prefix of the predictor's last output field. */
  readonly prefix: string
  /** The round (0-based) it was evaluated in. */
  readonly depth: number
  /** The predictor it was a candidate for. */
  readonly predictorName: string
}

/** Score statistics of one predictor, one entry per round (DSPy's `results_best` / `results_latest`). */
export interface COPROStats {
  readonly depth: number[]
  readonly max: number[]
  readonly average: number[]
  readonly min: number[]
  readonly std: number[]
}

/** What {@link COPRO.compileWithStats} returns: DSPy's attributes of the best program, as fields. */
export interface COPROResult<Program> {
  /** The best program (a copy of the student with the best instructions). */
  readonly program: Program
  /** Every evaluated candidate, best first, duplicates dropped (DSPy's `candidate_programs`). */
  readonly candidates: readonly COPROCandidate<Program>[]
  /** How many evaluations ran. */
  readonly totalCalls: number
  /** With `trackStats`: the top-10 scores' statistics per predictor name and round. */
  readonly resultsBest?: Readonly<Record<string, COPROStats>>
  /** With `trackStats`: the newest candidates' statistics per predictor name and round. */
  readonly resultsLatest?: Readonly<Record<string, COPROStats>>
}

interface Proposal {
  readonly instruction: string
  readonly prefix: string
}

/**
 * DSPy's COPRO: coordinate ascent over each predictor's instructions and last-output prefix.
 * The prompt model proposes `breadth - 1` instructions (DSPy's `BasicGenerateInstruction`, n
 * completions at `initTemperature`); each, and the current one, is scored with `Evaluate` on the
 * trainset; then `depth - 1` times it proposes `breadth` more from the scored attempts
 * (`GenerateInstructionGivenAttempts`, worst to best). The predictor keeps its best candidate
 * before the next predictor is optimized. The candidates of a round are evaluated concurrently,
 * under one `concurrency` limit, and their results applied in DSPy's order, so the outcome is
 * the sequential one. The student is never mutated; its demos are kept.
 *
 * @example
 * ```ts
 * const copro = new COPRO({ metric: answerExactMatch, breadth: 6, depth: 2, promptModel: new LM('openai/gpt-4o') })
 * const optimized = await copro.compile(program, { trainset })
 * ```
 * @see dspy.teleprompt.COPRO
 */
export class COPRO {
  readonly promptModel: LM | undefined
  readonly metric: EvaluateMetric
  readonly breadth: number
  readonly depth: number
  readonly initTemperature: number
  readonly trackStats: boolean
  readonly concurrency: number | undefined

  /** @throws {CompileOptionsError} (`compile-invalid-options`) for a breadth of 1 or less (DSPy's "Breadth must be greater than 1"), a depth below 1 or a bad concurrency. */
  constructor(options: COPROOptions) {
    const breadth = options.breadth ?? 10
    const depth = options.depth ?? 3
    if (!Number.isInteger(breadth) || breadth <= 1) throw invalid(`Breadth must be greater than 1 (got ${breadth}).`)
    if (!Number.isInteger(depth) || depth < 1) throw invalid(`COPRO: depth must be a positive integer, got ${depth}.`)
    if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1)) {
      throw invalid(`COPRO: concurrency must be a positive integer, got ${options.concurrency}.`)
    }
    this.promptModel = options.promptModel
    this.metric = options.metric
    this.breadth = breadth
    this.depth = depth
    this.initTemperature = options.initTemperature ?? 1.4
    this.trackStats = options.trackStats ?? false
    this.concurrency = options.concurrency
  }

  /** The best program; see {@link COPRO.compileWithStats}. */
  async compile<Program extends Module<object, unknown>>(student: Program, options: CompileOptions): Promise<Program> {
    return (await this.compileWithStats(student, options)).program
  }

  /**
   * Optimizes a copy of `student` and returns it with every evaluated candidate and the statistics.
   *
   * @throws {CompileOptionsError} for a predictor without a signature or an empty trainset;
   * what the prompt model, the program or Evaluate throws; the signal's reason when aborted.
   */
  compileWithStats<Program extends Module<object, unknown>>(student: Program, options: CompileOptions): Promise<COPROResult<Program>> {
    return reportCompile(this, student, options, () => this.#compileWithStats(student, options))
  }

  async #compileWithStats<Program extends Module<object, unknown>>(student: Program, options: CompileOptions): Promise<COPROResult<Program>> {
    const { trainset, signal, onProgress } = options
    signal?.throwIfAborted()
    if (trainset.length === 0) throw invalid('COPRO needs a non-empty trainset.')
    const module = student.deepcopy()
    const names = module.namedPredictors().map(([name, predictor]) => withSignature(predictor, name) && name)
    const limiter = new ConcurrencyLimiter(this.concurrency ?? 8)
    const evaluate = new Evaluate({ devset: trainset, metric: this.metric, concurrency: limiter.limit })
    const stats = { best: emptyStats(names), latest: emptyStats(names) }
    let totalCalls = 0

    const latest = new Map<string, Proposal[]>()
    const all = new Map<string, Proposal[]>()
    const evaluated = new Map<string, Map<string, COPROCandidate<Program>>>()
    for (const name of names) {
      const signature = signatureAt(module, name)
      const proposals = await this.#propose(BasicGenerateInstruction, { basic_instruction: signature.instructions }, this.breadth - 1, signal)
      proposals.push({ instruction: signature.instructions, prefix: lastField(signature).prefix })
      latest.set(name, proposals)
      all.set(name, [...proposals])
      evaluated.set(name, new Map())
    }

    const current = module.deepcopy()
    for (let depth = 0; depth < this.depth; depth += 1) {
      const latestScores: number[] = []
      for (const [index, name] of names.entries()) {
        const pending = (names.length > 1 ? all.get(name) : latest.get(name)) ?? []
        const programs = pending.map((proposal) => {
          const instruction = stripQuotes(proposal.instruction)
          const prefix = stripQuotes(proposal.prefix)
          const program = current.deepcopy()
          setSignature(program, name, withInstructionAndPrefix(signatureAt(program, name), instruction, prefix))
          return { program, instruction, prefix }
        })
        const scores = await Promise.all(
          programs.map(async ({ program }) => {
            const limited = {
              call: (inputs: Record<string, unknown>, callOptions: { readonly signal?: AbortSignal }) =>
                limiter.run(() => program.call(inputs, callOptions)),
            }
            const result = await evaluate.run(limited, signal === undefined ? {} : { signal })
            signal?.throwIfAborted()
            return result.score
          }),
        )
        const seen = evaluated.get(name) as Map<string, COPROCandidate<Program>>
        programs.forEach(({ program, instruction, prefix }, candidateIndex) => {
          const score = scores[candidateIndex] as number
          totalCalls += 1
          const key = JSON.stringify([instruction, prefix])
          const previous = seen.get(key)
          if (previous === undefined || previous.score < score) seen.set(key, { score, program, instruction, prefix, depth, predictorName: name })
          if (pending.length - this.breadth <= candidateIndex) latestScores.push(score)
        })
        if (this.trackStats) addStats(stats.latest[name] as COPROStats, depth, latestScores)
        const best = maxByScore([...seen.values()])
        setSignature(current, name, withInstructionAndPrefix(signatureAt(current, name), best.instruction, best.prefix))
        onProgress?.({
          phase: 'evaluate-candidates',
          completed: depth * names.length + index + 1,
          total: this.depth * names.length,
          message: `best score ${best.score}`,
        })
      }
      if (depth === this.depth - 1) break

      for (const name of names) {
        const ranked = [...(evaluated.get(name) as Map<string, COPROCandidate<Program>>).values()].sort((a, b) => b.score - a.score)
        if (this.trackStats)
          addStats(
            stats.best[name] as COPROStats,
            depth,
            ranked.slice(0, 10).map((candidate) => candidate.score),
          )
        const proposals = await this.#propose(
          GenerateInstructionGivenAttempts,
          { attempted_instructions: formatAttempts(ranked, this.breadth) },
          this.breadth,
          signal,
        )
        latest.set(name, proposals)
        all.get(name)?.push(...proposals)
      }
    }

    const candidates: COPROCandidate<Program>[] = []
    for (const name of names) {
      const own = [...(evaluated.get(name) as Map<string, COPROCandidate<Program>>).values()]
      candidates.push(...own)
      if (this.trackStats)
        addStats(
          stats.best[name] as COPROStats,
          this.depth - 1,
          [...own]
            .sort((a, b) => b.score - a.score)
            .slice(0, 10)
            .map((candidate) => candidate.score),
        )
    }
    candidates.sort((a, b) => b.score - a.score)
    const kept = dropDuplicates(candidates, names)
    const program = (kept[0] as COPROCandidate<Program>).program.deepcopy()
    program.compiled = true
    return {
      program,
      candidates: kept,
      totalCalls,
      ...(this.trackStats ? { resultsBest: stats.best, resultsLatest: stats.latest } : {}),
    }
  }

  /** The proposals of `n` completions of `signature` from the prompt model, at `initTemperature`. */
  async #propose(
    signature: Signature<object, object>,
    inputs: Record<string, unknown>,
    n: number,
    signal: AbortSignal | undefined,
  ): Promise<Proposal[]> {
    const predictor = new Predict(signature, { n, temperature: this.initTemperature })
    const call = (): Promise<Prediction> => predictor.call(inputs, signal === undefined ? {} : { signal })
    const prediction = this.promptModel === undefined ? await call() : await context({ lm: this.promptModel }, call)
    const completions = [...(prediction.completions ?? [prediction])]
    return completions.map((completion) => ({
      instruction: String(completion.get('proposed_instruction') ?? ''),
      prefix: String(completion.get('proposed_prefix_for_output_field') ?? ''),
    }))
  }

  /** The settings, for logs. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    const { promptModel, metric, breadth, depth, initTemperature, trackStats, concurrency } = this
    return { promptModel, metric, breadth, depth, initTemperature, trackStats, concurrency }
  }
}

/**
 * DSPy's attempts list: the top `breadth` candidates from worst to best, three lines each
 * (`Instruction #1: ...`, `Prefix #1: ...`, `Resulting Score #1: 50.0`).
 */
export function formatAttempts(ranked: readonly { instruction: string; prefix: string; score: number }[], breadth: number): string[] {
  const count = Math.min(ranked.length, breadth)
  const attempts: string[] = []
  for (let index = count - 1; index >= 0; index -= 1) {
    const candidate = ranked[index] as (typeof ranked)[number]
    attempts.push(`Instruction #${count - index}: ${candidate.instruction}`)
    attempts.push(`Prefix #${count - index}: ${candidate.prefix}`)
    attempts.push(`Resulting Score #${count - index}: ${pythonFloatRepr(candidate.score)}`)
  }
  return attempts
}

/** Python's `text.strip('"').strip()`. */
function stripQuotes(text: string): string {
  return text.replace(/^"+|"+$/g, '').trim()
}

function signatureAt(program: Module<object, unknown>, name: string): Signature<object, object> {
  const found = program.namedPredictors().find(([predictorName]) => predictorName === name)
  if (found === undefined) throw invalid(`COPRO lost the predictor \`${name}\` in a copy of the program.`)
  return withSignature(found[1], name).signature
}

function setSignature(program: Module<object, unknown>, name: string, signature: Signature<object, object>): void {
  const found = program.namedPredictors().find(([predictorName]) => predictorName === name)
  if (found !== undefined) withSignature(found[1], name).signature = signature
}

function maxByScore<Candidate extends { score: number }>(candidates: readonly Candidate[]): Candidate {
  let best = candidates[0] as Candidate
  for (const candidate of candidates) if (candidate.score > best.score) best = candidate
  return best
}

/** DSPy's `_drop_duplicates`: among consecutive candidates of equal score, drop programs equal to one already kept. */
function dropDuplicates<Program extends Module<object, unknown>>(
  candidates: readonly COPROCandidate<Program>[],
  names: readonly string[],
): COPROCandidate<Program>[] {
  const kept: COPROCandidate<Program>[] = []
  let batch: COPROCandidate<Program>[] = []
  let batchScore = -1
  for (const candidate of candidates) {
    let repeat = false
    if (candidate.score === batchScore) {
      repeat = batch.some((other) => sameSignatures(candidate.program, other.program, names))
      if (!repeat) batch.push(candidate)
    } else {
      batch = [candidate]
      batchScore = candidate.score
    }
    if (!repeat) kept.push(candidate)
  }
  return kept
}

function sameSignatures(a: Module<object, unknown>, b: Module<object, unknown>, names: readonly string[]): boolean {
  return names.every((name) => {
    const mine = signatureAt(a, name)
    const theirs = signatureAt(b, name)
    const [lastMine, lastTheirs] = [lastField(mine), lastField(theirs)]
    return (
      mine.instructions === theirs.instructions &&
      lastMine.name === lastTheirs.name &&
      lastMine.prefix === lastTheirs.prefix &&
      lastMine.desc === lastTheirs.desc
    )
  })
}

function emptyStats(names: readonly string[]): Record<string, COPROStats> {
  return Object.fromEntries(names.map((name) => [name, { depth: [], max: [], average: [], min: [], std: [] }]))
}

/** Appends a round's max, mean, min and population standard deviation (Python's `statistics.pstdev`). */
function addStats(stats: COPROStats, depth: number, scores: readonly number[]): void {
  if (scores.length === 0) return
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length
  stats.depth.push(depth)
  stats.max.push(Math.max(...scores))
  stats.average.push(mean)
  stats.min.push(Math.min(...scores))
  stats.std.push(Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length))
}

function invalid(message: string): CompileOptionsError {
  return new CompileOptionsError({ message, code: 'compile-invalid-options' })
}
