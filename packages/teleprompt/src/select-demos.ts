import { type Example, type Module, PythonRandom } from '@dspex/primitives'
import { withDemos } from './predictor-demos.js'

/** What {@link selectDemos} needs. */
export interface SelectDemosOptions {
  /** The augmented demos per predictor name (from the bootstrap). */
  readonly demosByPredictor: ReadonlyMap<string, readonly Example[]>
  /** The train examples that were not bootstrapped, already shuffled as DSPy does. */
  readonly unbootstrapped: readonly Example[]
  /** At most this many augmented demos per predictor. */
  readonly maxBootstrappedDemos: number
  /** Labeled demos fill each predictor up to this many demos in all. */
  readonly maxLabeledDemos: number
  /** The seed of the labeled demos' sampling; 0 by default, DSPy's. */
  readonly seed?: number
}

/**
 * Sets each student predictor's demos as DSPy's `BootstrapFewShot._train` does: its first
 * `maxBootstrappedDemos` augmented demos, then labeled examples sampled (one `Random(0)` for all
 * predictors) to fill up to `maxLabeledDemos`. As in DSPy, each predictor samples from the previous
 * predictor's sample, not from all unbootstrapped examples.
 *
 * @throws {CompileOptionsError} when a student predictor has no demos list.
 * @see dspy.BootstrapFewShot._train
 */
export function selectDemos(student: Module<object, unknown>, options: SelectDemosOptions): void {
  const random = new PythonRandom(options.seed ?? 0)
  let labeled: readonly Example[] = options.unbootstrapped
  for (const [name, predictor] of student.namedPredictors()) {
    const augmented = (options.demosByPredictor.get(name) ?? []).slice(0, options.maxBootstrappedDemos)
    const size = Math.max(0, Math.min(options.maxLabeledDemos - augmented.length, labeled.length))
    labeled = random.sample(labeled, size)
    withDemos(predictor, name).demos = [...augmented, ...labeled]
  }
}
