import type { EvaluateMetric } from '@dspex/evaluate'
import { getSetting, type Module, PythonRandom, type Settings } from '@dspex/primitives'
import { collectTraces } from './collect-traces.js'
import { reportCompile } from './compile-callbacks.js'
import type { ConcurrencyLimiter } from './concurrency-limiter.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { labeledFewShot } from './labeled-few-shot.js'
import { selectDemos } from './select-demos.js'
import type { CompileOptions, Teleprompter } from './teleprompter.js'

/** Options of {@link BootstrapFewShot}'s constructor (DSPy's, in camelCase, plus `concurrency`). */
export interface BootstrapFewShotOptions {
  /** Decides which teacher runs become demos (`metric(example, prediction, trace)`); every run does when absent. */
  readonly metric?: EvaluateMetric
  /** A numeric metric passes at or above this; otherwise the metric's truthiness decides. */
  readonly metricThreshold?: number
  /** Settings for the teacher's runs (a stronger `lm`, another `adapter` ...). */
  readonly teacherSettings?: Readonly<Partial<Settings>>
  /** Augmented demos per predictor, and the number of successful runs to collect; 4 by default. */
  readonly maxBootstrappedDemos?: number
  /** Demos per predictor in all (labeled ones fill up after the augmented ones); 16 by default. */
  readonly maxLabeledDemos?: number
  /** Attempts per train example; later attempts use `lm.copy({ rolloutId, temperature: 1 })`. 1 by default. */
  readonly maxRounds?: number
  /** Failed teacher runs tolerated before the compile throws; the `maxErrors` setting (10) by default. */
  readonly maxErrors?: number
  /** Teacher runs at once; 16 by default. The result is the same as a sequential run's. */
  readonly concurrency?: number
  /** The seed of the labeled demos' shuffle and sampling (and of the teacher's labeled demos); 0 by default, DSPy's. */
  readonly seed?: number
}

/** The options of {@link BootstrapFewShot}, with defaults applied. */
export interface BootstrapFewShotSettings {
  readonly metric: EvaluateMetric | undefined
  readonly metricThreshold: number | undefined
  readonly teacherSettings: Readonly<Partial<Settings>>
  readonly maxBootstrappedDemos: number
  readonly maxLabeledDemos: number
  readonly maxRounds: number
  readonly maxErrors: number | undefined
  readonly concurrency: number
  readonly seed: number
}

/**
 * DSPy's BootstrapFewShot: runs a teacher (a copy of the teacher or of the student, given labeled
 * demos when it is not compiled) on the train examples, keeps the traced predictor calls of runs
 * the metric accepts as augmented demos, and gives the student up to `maxBootstrappedDemos` of them
 * per predictor plus sampled labeled examples up to `maxLabeledDemos`. Every random choice uses
 * DSPy's seeds through {@link PythonRandom}, so the same trainset gives DSPy's demos.
 *
 * Teacher runs go `concurrency` at a time, yet only the first `maxBootstrappedDemos` successes in
 * trainset order count, exactly as DSPy's sequential loop. Run state lives in locals: one instance
 * can compile several programs at once. The student is never mutated.
 *
 * @example
 * ```ts
 * const optimizer = new BootstrapFewShot({ metric: answerExactMatch, maxBootstrappedDemos: 4 })
 * const compiled = await optimizer.compile(new ChainOfThought('question -> answer'), { trainset })
 * await compiled.save('qa.json')
 * ```
 * @see dspy.BootstrapFewShot
 */
export class BootstrapFewShot implements Teleprompter {
  /** The options with defaults applied. */
  readonly settings: BootstrapFewShotSettings

  /** @throws {CompileOptionsError} (`compile-invalid-options`) for a count that is not a non-negative integer or a `concurrency` below 1. */
  constructor(options: BootstrapFewShotOptions = {}) {
    this.settings = {
      metric: options.metric,
      metricThreshold: options.metricThreshold,
      teacherSettings: { ...options.teacherSettings },
      maxBootstrappedDemos: count('maxBootstrappedDemos', options.maxBootstrappedDemos ?? 4, 0),
      maxLabeledDemos: count('maxLabeledDemos', options.maxLabeledDemos ?? 16, 0),
      maxRounds: count('maxRounds', options.maxRounds ?? 1, 1),
      maxErrors: options.maxErrors === undefined ? undefined : count('maxErrors', options.maxErrors, 1),
      concurrency: count('concurrency', options.concurrency ?? 16, 1),
      seed: options.seed ?? 0,
    }
  }

  /**
   * A compiled copy of `student` with bootstrapped and labeled demos.
   *
   * @throws {CompileOptionsError} for a compiled student or a teacher that does not match it;
   * {@link BootstrapError} once `maxErrors` teacher runs failed; the signal's reason when aborted.
   */
  compile<Program extends Module<object, unknown>>(student: Program, options: CompileOptions): Promise<Program> {
    return reportCompile(this, student, options, () => bootstrapFewShot(student, this.settings, options))
  }

  /** The options, for logs. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    return { ...this.settings }
  }
}

/**
 * BootstrapFewShot's compile as a function, so other optimizers can run it with a shared
 * {@link ConcurrencyLimiter}.
 *
 * @throws see {@link BootstrapFewShot.compile}.
 */
export async function bootstrapFewShot<Program extends Module<object, unknown>>(
  student: Program,
  settings: BootstrapFewShotSettings,
  options: CompileOptions,
  limiter?: ConcurrencyLimiter,
): Promise<Program> {
  const { trainset, signal } = options
  signal?.throwIfAborted()
  const compiled = student.resetCopy()
  if (student.compiled) throw new CompileOptionsError({ message: 'Student must be uncompiled.', code: 'compile-student-compiled' })
  let teacher = (options.teacher ?? student).deepcopy()
  if (settings.maxLabeledDemos > 0 && !teacher.compiled) teacher = labeledFewShot(teacher, trainset, settings.maxLabeledDemos, true, settings.seed)
  checkTeacher(compiled, teacher)

  const collected = await collectTraces({
    teacher,
    trainset,
    metric: settings.metric,
    metricThreshold: settings.metricThreshold,
    teacherSettings: settings.teacherSettings,
    maxBootstraps: settings.maxBootstrappedDemos,
    maxRounds: settings.maxRounds,
    maxErrors: settings.maxErrors ?? getSetting('maxErrors'),
    concurrency: settings.concurrency,
    limiter,
    signal,
    onProgress: options.onProgress,
  })
  const unbootstrapped = trainset.filter((_, index) => !collected.bootstrapped.has(index))
  new PythonRandom(settings.seed).shuffle(unbootstrapped)
  const teacherNames = teacher.namedPredictors().map(([name]) => name)
  const studentNames = compiled.namedPredictors().map(([name]) => name)
  const demosByPredictor = new Map(studentNames.map((name, index) => [name, collected.demosByPredictor.get(teacherNames[index] ?? name) ?? []]))
  selectDemos(compiled, {
    demosByPredictor,
    unbootstrapped,
    maxBootstrappedDemos: settings.maxBootstrappedDemos,
    maxLabeledDemos: settings.maxLabeledDemos,
    seed: settings.seed,
  })
  compiled.compiled = true
  return compiled
}

/** DSPy's student/teacher checks: as many predictors, equal signatures, no shared predictor. */
function checkTeacher(student: Module<object, unknown>, teacher: Module<object, unknown>): void {
  const studentPredictors = student.namedPredictors()
  const teacherPredictors = teacher.namedPredictors()
  if (studentPredictors.length !== teacherPredictors.length) {
    throw mismatch(`Student and teacher must have the same number of predictors (${studentPredictors.length} and ${teacherPredictors.length}).`)
  }
  studentPredictors.forEach(([name, predictor], index) => {
    const [teacherName, teacherPredictor] = teacherPredictors[index] as (typeof teacherPredictors)[number]
    if (predictor === teacherPredictor) throw mismatch(`Student and teacher must be different objects (\`${name}\`).`)
    const mine = (predictor as { signature?: { equals?: (other: unknown) => boolean } }).signature
    const theirs = (teacherPredictor as { signature?: unknown }).signature
    if (typeof mine?.equals === 'function' && !mine.equals(theirs)) {
      throw mismatch(`Student and teacher must have the same signatures: \`${name}\` and \`${teacherName}\` differ.`)
    }
  })
}

function mismatch(message: string): CompileOptionsError {
  return new CompileOptionsError({ message, code: 'compile-teacher-mismatch' })
}

function count(name: string, value: number, minimum: number): number {
  if (Number.isInteger(value) && value >= minimum) return value
  throw new CompileOptionsError({
    message: `BootstrapFewShot: ${name} must be an integer of at least ${minimum}, got ${value}.`,
    code: 'compile-invalid-options',
  })
}
