import { Evaluate } from '@dspex/evaluate'
import { ChainOfThought } from '@dspex/predict'
import { context, type Example, getSetting, type Module, PythonRandom } from '@dspex/primitives'
import type { Signature } from '@dspex/signatures'
import { pythonStr } from '@dspex/types/internal'
import { BootstrapFewShot, type BootstrapFewShotOptions } from './bootstrap-few-shot.js'
import { reportCompile } from './compile-callbacks.js'
import { ConcurrencyLimiter } from './concurrency-limiter.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { InferRulesError } from './errors/infer-rules-error.js'
import { rulesInductionSignature } from './infer-rules-signature.js'
import { withSignature } from './predictor-signature.js'
import type { CompileOptions } from './teleprompter.js'

/** Options of {@link InferRules}: its own, plus BootstrapFewShot's (metric, teacherSettings, demo counts...). */
export interface InferRulesOptions extends BootstrapFewShotOptions {
  /** Rule sets tried (each evaluated on the valset); 10 by default. */
  readonly numCandidates?: number
  /** How many rules the prompt asks for; 10 by default. */
  readonly numRules?: number
}

/**
 * DSPy's InferRules: bootstraps the student (BootstrapFewShot), then makes `numCandidates`
 * candidates, each with natural-language rules induced per predictor from the train examples
 * (ChainOfThought over DSPy's `CustomRulesInduction` signature, with `lm.copy({ rolloutId, temperature: 1 })`
 * under `teacherSettings`) appended to its instructions, evaluates each on the valset (by default
 * the second half of the trainset, the first half being used for bootstrapping and rules) and
 * returns the best. Rollout ids come from a `PythonRandom(seed)` (0 by default, as DSPy) made per compile (DSPy's lives on the
 * instance), so every compile gives the same program. Rules are induced in order; candidates are
 * evaluated concurrently under one `concurrency` limit.
 *
 * @example
 * ```ts
 * const optimizer = new InferRules({ metric: answerExactMatch, numCandidates: 5 })
 * const compiled = await optimizer.compile(program, { trainset })
 * ```
 * @see dspy.teleprompt.InferRules
 */
export class InferRules {
  readonly numCandidates: number
  readonly numRules: number
  readonly bootstrapOptions: BootstrapFewShotOptions

  /** @throws {CompileOptionsError} (`compile-invalid-options`) for counts that are not positive integers or bad bootstrap options. */
  constructor(options: InferRulesOptions = {}) {
    const { numCandidates = 10, numRules = 10, ...bootstrapOptions } = options
    for (const [name, value] of [
      ['numCandidates', numCandidates],
      ['numRules', numRules],
    ] as const) {
      if (!Number.isInteger(value) || value < 1) {
        throw new CompileOptionsError({ message: `InferRules: ${name} must be a positive integer, got ${value}.`, code: 'compile-invalid-options' })
      }
    }
    this.numCandidates = numCandidates
    this.numRules = numRules
    this.bootstrapOptions = bootstrapOptions
    new BootstrapFewShot(bootstrapOptions)
  }

  /**
   * The best of the rule-augmented candidates, a compiled copy of the student.
   *
   * @throws what BootstrapFewShot throws; {@link InferRulesError} when rules cannot be induced;
   * {@link CompileOptionsError} without a metric or with an empty valset; the signal's reason when aborted.
   */
  compile<Program extends Module<object, unknown>>(student: Program, options: CompileOptions<Program>): Promise<Program> {
    return reportCompile(this, student, options, () => this.#compile(student, options))
  }

  async #compile<Program extends Module<object, unknown>>(student: Program, options: CompileOptions<Program>): Promise<Program> {
    const { signal, teacher } = options
    let { trainset, valset } = options
    if (valset === undefined) {
      const trainSize = Math.floor(0.5 * trainset.length)
      ;[trainset, valset] = [trainset.slice(0, trainSize), trainset.slice(trainSize)]
    }
    const metric = this.bootstrapOptions.metric
    if (metric === undefined)
      throw new CompileOptionsError({ message: 'InferRules needs a metric to evaluate its candidates.', code: 'compile-invalid-options' })
    if (valset.length === 0) throw new CompileOptionsError({ message: 'InferRules needs a non-empty valset.', code: 'compile-invalid-options' })
    const bootstrapped = await new BootstrapFewShot(this.bootstrapOptions).compile(student, {
      trainset,
      ...(teacher === undefined ? {} : { teacher }),
      ...(signal === undefined ? {} : { signal }),
    })
    const original = bootstrapped.deepcopy()
    for (const [name, predictor] of original.namedPredictors()) withSignature(predictor, name)
    const random = new PythonRandom(this.bootstrapOptions.seed ?? 0)
    const induction = new ChainOfThought(rulesInductionSignature(this.numRules))

    const candidates: Program[] = []
    for (let index = 0; index < this.numCandidates; index += 1) {
      const candidate = original.deepcopy()
      for (const [name, predictor] of candidate.namedPredictors()) {
        const withSig = withSignature(predictor, name)
        const rules = await this.#induceRules(induction, withSig.signature, trainset, random, signal)
        withSig.signature = withSig.signature.withInstructions(
          `${withSig.signature.instructions}\n\nPlease adhere to the following rules when making your prediction:\n${rules}`,
        )
      }
      candidates.push(candidate)
      options.onProgress?.({ phase: 'induce-rules', completed: index + 1, total: this.numCandidates })
    }

    const limiter = new ConcurrencyLimiter(this.bootstrapOptions.concurrency ?? 16)
    const evaluate = new Evaluate({
      devset: valset,
      metric,
      concurrency: limiter.limit,
      ...(this.bootstrapOptions.maxErrors === undefined ? {} : { maxErrors: this.bootstrapOptions.maxErrors }),
    })
    const scores = await Promise.all(
      candidates.map(async (candidate) => {
        const limited = {
          call: (inputs: Record<string, unknown>, callOptions: { readonly signal?: AbortSignal }) =>
            limiter.run(() => candidate.call(inputs, callOptions)),
        }
        const result = await evaluate.run(limited, signal === undefined ? {} : { signal })
        signal?.throwIfAborted()
        return result.score
      }),
    )
    let best = 0
    scores.forEach((score, index) => {
      if (score > (scores[best] as number)) best = index
    })
    const program = (candidates[best] as Program).deepcopy()
    program.compiled = true
    return program
  }

  /** Induces rules from the examples, dropping the last example while they do not fit the context window. */
  async #induceRules(
    induction: InstanceType<typeof ChainOfThought>,
    signature: Signature<object, object>,
    trainset: readonly Example[],
    random: PythonRandom,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    let demos = predictorDemos(trainset, signature)
    const rolloutId = random.randint(0, 10 ** 9)
    for (;;) {
      try {
        const text = formatExamples(demos, signature)
        return await context(this.bootstrapOptions.teacherSettings ?? {}, async () => {
          const lm = getSetting('lm')
          if (lm === null || lm === undefined) {
            throw new InferRulesError({
              message: 'InferRules needs an LM to induce rules: configure one or pass teacherSettings.lm.',
              code: 'infer-rules-no-lm',
            })
          }
          const prediction = await context({ lm: lm.copy({ rolloutId, temperature: 1.0 }) }, () =>
            induction.call({ examples_text: text }, signal === undefined ? {} : { signal }),
          )
          return String(prediction.get('natural_language_rules') ?? '').trim()
        })
      } catch (error) {
        if (!isContextWindowError(error)) throw error
        if (demos.length <= 1) {
          throw new InferRulesError({
            message: "Failed to generate natural language rules since a single example couldn't fit in the model's context window.",
            code: 'infer-rules-context-window',
            cause: error,
          })
        }
        demos = demos.slice(0, -1)
      }
    }
  }

  /** The settings, for logs. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    return { numCandidates: this.numCandidates, numRules: this.numRules, ...this.bootstrapOptions }
  }
}

type Demo = [string, unknown][]

/** Each example's fields that are inputs or outputs of the signature, in the example's order (DSPy's `get_predictor_demos`). */
function predictorDemos(trainset: readonly Example[], signature: Signature<object, object>): Demo[] {
  return trainset.map((example) => example.items().filter(([key]) => signature.field(key) !== undefined))
}

/**
 * DSPy's `format_examples`: per demo, `Input Fields:` then `key: value` lines, a `=========`
 * line, `Output Fields:` then `key: value` lines.
 */
export function formatExamples(demos: readonly Demo[], signature: Signature<object, object>): string {
  let text = ''
  for (const demo of demos) {
    const lines = (direction: 'input' | 'output'): string =>
      demo
        .filter(([key]) => signature.field(key)?.direction === direction)
        .map(([key, value]) => `${key}: ${pythonStr(value)}`)
        .join('\n')
    text += `Input Fields:\n${lines('input')}\n\n=========\nOutput Fields:\n${lines('output')}\n\n`
  }
  return text
}

function isContextWindowError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error)
  return /ContextWindowExceeded|context window|context length|maximum context/i.test(text)
}
