import { type Example, type Module, PythonRandom } from '@dspex/primitives'
import { reportCompile } from './compile-callbacks.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { withDemos } from './predictor-demos.js'
import type { CompileOptions, Teleprompter } from './teleprompter.js'

/** Options of {@link LabeledFewShot}'s constructor. */
export interface LabeledFewShotOptions {
  /** How many train examples each predictor gets as demos; 16 by default. */
  readonly k?: number
  /** The seed of the demo sampling; 0 by default, DSPy's, which gives DSPy's demos. */
  readonly seed?: number
}

/** What {@link LabeledFewShot.compile} accepts. */
export interface LabeledFewShotCompileOptions extends CompileOptions {
  /** Pick the demos at random (seeded with `seed`, 0 as in DSPy) instead of taking the first `k`; true by default. */
  readonly sample?: boolean
}

/**
 * The simplest optimizer: gives every predictor `k` labeled train examples as demos, picked as
 * DSPy picks them (`random.Random(0).sample(trainset, min(k, n))`, one generator for all
 * predictors in order), so a program compiled here shows the same demos as in DSPy. No LM is called.
 *
 * The result is a reset copy of the student with the demos set; the student is untouched. As in
 * DSPy, the copy is not marked compiled (BootstrapFewShot relies on that for its teacher).
 *
 * @example
 * ```ts
 * const fewShot = await new LabeledFewShot({ k: 8 }).compile(program, { trainset })
 * ```
 * @see dspy.LabeledFewShot
 */
export class LabeledFewShot implements Teleprompter<LabeledFewShotCompileOptions> {
  /** How many demos each predictor gets. */
  readonly k: number
  /** The seed of the demo sampling. */
  readonly seed: number

  /** @throws {CompileOptionsError} (`compile-invalid-options`) when `k` is not a non-negative integer. */
  constructor(options: LabeledFewShotOptions = {}) {
    const k = options.k ?? 16
    if (!Number.isInteger(k) || k < 0) {
      throw new CompileOptionsError({ message: `LabeledFewShot: k must be a non-negative integer, got ${k}.`, code: 'compile-invalid-options' })
    }
    this.k = k
    this.seed = options.seed ?? 0
  }

  /**
   * A reset copy of `student` whose predictors hold labeled demos from the trainset.
   *
   * @throws {CompileOptionsError} when a predictor has no demos list; the signal's reason when aborted.
   */
  compile<Program extends Module<object, unknown>>(student: Program, options: LabeledFewShotCompileOptions): Promise<Program> {
    return reportCompile(this, student, options, () => this.#compile(student, options))
  }

  async #compile<Program extends Module<object, unknown>>(student: Program, options: LabeledFewShotCompileOptions): Promise<Program> {
    options.signal?.throwIfAborted()
    const program = labeledFewShot(student, options.trainset, this.k, options.sample ?? true, this.seed)
    options.onProgress?.({ phase: 'labeled-demos', completed: 1, total: 1 })
    return program
  }

  /** `{ k }`. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    return { k: this.k, seed: this.seed }
  }
}

/** LabeledFewShot's work, synchronous: a reset copy of `student` with demos from `trainset`. */
export function labeledFewShot<Program extends Module<object, unknown>>(
  student: Program,
  trainset: readonly Example[],
  k: number,
  sample: boolean,
  seed = 0,
): Program {
  const program = student.resetCopy()
  if (trainset.length === 0) return program
  const random = new PythonRandom(seed)
  const size = Math.min(k, trainset.length)
  for (const [name, predictor] of program.namedPredictors()) {
    withDemos(predictor, name).demos = sample ? random.sample(trainset, size) : trainset.slice(0, size)
  }
  return program
}
