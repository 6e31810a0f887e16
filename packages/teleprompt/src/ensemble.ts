import { type ForwardOptions, Module, PythonRandom } from '@dspex/primitives'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { EnsembleError } from './errors/ensemble-error.js'

/** Combines the outputs of an ensemble's programs into one (`majority` from @dspex/predict is the usual choice). */
export type EnsembleReduceFn<Output, Reduced> = (outputs: Output[]) => Reduced | Promise<Reduced>

/** Options of {@link Ensemble}'s constructor. */
export interface EnsembleOptions<Output, Reduced> {
  /** Combines the outputs; without it the ensembled program returns the list of outputs. */
  readonly reduceFn?: EnsembleReduceFn<Output, Reduced>
  /** Run only this many programs per call, sampled at random (DSPy's `random.sample`); all by default. */
  readonly size?: number
  /** Not implemented, as in DSPy: `true` throws. */
  readonly deterministic?: boolean
  /** Seeds the sampling of `size` programs (a `PythonRandom` owned by each compiled program); 0 by default. */
  readonly seed?: number
}

/**
 * The program {@link Ensemble.compile} returns: on every call it runs its programs (all of them,
 * or `size` sampled ones) concurrently on the same inputs and reduces their outputs, in program order.
 *
 * @see dspy.teleprompt.ensemble.EnsembledProgram
 */
export class EnsembledProgram<Inputs extends object, Output, Reduced> extends Module<Inputs, Reduced> {
  /** The ensembled programs (copies of those given to `compile`). */
  programs: Module<Inputs, Output>[]
  /** How many programs run per call; `undefined` for all. */
  size: number | undefined
  /** The reducer; `undefined` to return the list of outputs. */
  reduceFn: EnsembleReduceFn<Output, Reduced> | undefined
  /** Draws the programs of each call when `size` is set. */
  random: PythonRandom

  constructor(options: {
    programs: Module<Inputs, Output>[]
    size: number | undefined
    reduceFn: EnsembleReduceFn<Output, Reduced> | undefined
    seed: number
  }) {
    super()
    this.programs = options.programs
    this.size = options.size
    this.reduceFn = options.reduceFn
    this.random = new PythonRandom(options.seed)
  }

  protected async forward(inputs: Inputs, { signal }: ForwardOptions): Promise<Reduced> {
    const chosen = this.size === undefined ? this.programs : this.random.sample(this.programs, this.size)
    const callOptions = signal === undefined ? {} : { signal }
    const outputs = await Promise.all(chosen.map((program) => program.call(inputs, callOptions)))
    if (this.reduceFn !== undefined) return this.reduceFn(outputs)
    return outputs as unknown as Reduced
  }
}

/**
 * Combines several programs into one: the compiled program runs all of them (or `size` of them,
 * sampled with a seeded generator) and reduces their outputs with `reduceFn`, e.g. a majority
 * vote. Unlike DSPy, the programs are copied, so changing them later does not change the ensemble.
 *
 * @example
 * ```ts
 * const voting = new Ensemble({ reduceFn: majority }).compile([programA, programB, programC])
 * const prediction = await voting.call({ question })
 * ```
 * @see dspy.teleprompt.Ensemble
 */
export class Ensemble<Output = unknown, Reduced = Output[]> {
  /** The reducer, when given. */
  readonly reduceFn: EnsembleReduceFn<Output, Reduced> | undefined
  /** How many programs run per call, when limited. */
  readonly size: number | undefined
  /** Always false (true is refused). */
  readonly deterministic: false
  /** The seed of each compiled program's sampler. */
  readonly seed: number

  /**
   * @throws {EnsembleError} (`ensemble-deterministic-unsupported`) for `deterministic: true`;
   * {@link CompileOptionsError} (`compile-invalid-options`) for a `size` that is not a positive integer.
   */
  constructor(options: EnsembleOptions<Output, Reduced> = {}) {
    if (options.deterministic === true) {
      throw new EnsembleError({
        message: 'TODO: Implement example hashing for deterministic ensemble.',
        code: 'ensemble-deterministic-unsupported',
      })
    }
    if (options.size !== undefined && (!Number.isInteger(options.size) || options.size < 1)) {
      throw new CompileOptionsError({ message: `Ensemble: size must be a positive integer, got ${options.size}.`, code: 'compile-invalid-options' })
    }
    this.reduceFn = options.reduceFn
    this.size = options.size
    this.deterministic = false
    this.seed = options.seed ?? 0
  }

  /**
   * The ensembled program over copies of `programs`, marked compiled.
   *
   * @throws {CompileOptionsError} (`compile-invalid-options`) when there are no programs or `size` exceeds their number.
   */
  compile<Inputs extends object>(programs: readonly Module<Inputs, Output>[]): EnsembledProgram<Inputs, Output, Reduced> {
    if (programs.length === 0)
      throw new CompileOptionsError({ message: 'Ensemble: compile needs at least one program.', code: 'compile-invalid-options' })
    if (this.size !== undefined && this.size > programs.length) {
      throw new CompileOptionsError({
        message: `Ensemble: size ${this.size} is larger than the ${programs.length} programs given (DSPy's random.sample would fail).`,
        code: 'compile-invalid-options',
      })
    }
    const ensembled = new EnsembledProgram<Inputs, Output, Reduced>({
      programs: programs.map((program) => program.deepcopy()),
      size: this.size,
      reduceFn: this.reduceFn,
      seed: this.seed,
    })
    ensembled.compiled = true
    return ensembled
  }

  /** `{ reduceFn, size, deterministic, seed }`. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    return { reduceFn: this.reduceFn, size: this.size, deterministic: this.deterministic, seed: this.seed }
  }
}
