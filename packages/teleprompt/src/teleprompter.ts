import type { Example, Module } from '@dspex/primitives'

/** A step of a compile, for progress bars and logs. */
export interface CompileProgress {
  /** The optimizer's phase (`bootstrap`, `evaluate-candidate`, `propose-instructions`...). */
  readonly phase: string
  /** Work finished in this phase. */
  readonly completed: number
  /** Work in this phase, when known. */
  readonly total?: number
  /** A short human-readable note (`candidate 3 scored 71.5`). */
  readonly message?: string
}

/** What every optimizer's `compile` accepts; optimizers extend it with their own options. */
export interface CompileOptions<Program extends Module<object, unknown> = Module<object, unknown>> {
  /** The examples to learn from. */
  readonly trainset: readonly Example[]
  /** The program whose runs become demos; a copy of the student by default. */
  readonly teacher?: Program
  /** The examples candidates are scored on; the trainset (or part of it) when absent, as DSPy does. */
  readonly valset?: readonly Example[]
  /** Stops the compile: running calls see the abort and `compile` rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
  /** Told about each step, for progress reporting. */
  readonly onProgress?: (progress: CompileProgress) => void
}

/**
 * The contract of every optimizer (DSPy's `Teleprompter`): `compile` returns a NEW compiled
 * program and never mutates the student; the same seed gives the same program.
 *
 * @see dspy.teleprompt.Teleprompter
 */
export interface Teleprompter<Options extends CompileOptions = CompileOptions> {
  /**
   * Optimizes a copy of `student` and returns it (marked `compiled` when DSPy marks it: BootstrapFewShot
   * does, LabeledFewShot does not). Rejects with the signal's reason when `signal` fires.
   */
  compile<Program extends Module<object, unknown>>(student: Program, options: Options): Promise<Program>
  /** The optimizer's settings, for logs and reproducibility. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>>
}
