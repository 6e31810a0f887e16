import { KNN, type KNNOptions, type KNNSimilarity } from '@dspex/predict'
import type { Example, ForwardOptions, Module } from '@dspex/primitives'
import { BootstrapFewShot, type BootstrapFewShotOptions } from './bootstrap-few-shot.js'
import { reportCompile } from './compile-callbacks.js'
import type { CompileProgress } from './teleprompter.js'

/** Options of {@link KNNFewShot}'s constructor: the retriever's, plus BootstrapFewShot's for the per-call bootstrap. */
export interface KNNFewShotOptions extends BootstrapFewShotOptions {
  /** How many nearest train examples each call bootstraps from. */
  readonly k: number
  /** The examples searched; each must have its inputs set. */
  readonly trainset: readonly Example[]
  /** Embeds the train inputs and each call's inputs: a function of texts or a provider's embedding model. */
  readonly embedder: KNNOptions['embedder']
  /** How vectors are compared; `cosine` by default (see {@link KNN}). */
  readonly similarity?: KNNSimilarity
}

/** What {@link KNNFewShot.compile} accepts (the trainset was given to the constructor). */
export interface KNNFewShotCompileOptions<Program extends Module<object, unknown> = Module<object, unknown>> {
  /** The teacher of every per-call bootstrap; a copy of the student by default. */
  readonly teacher?: Program
  /** Checked before compiling; each call has its own signal. */
  readonly signal?: AbortSignal | undefined
  /** Told that the program is ready. */
  readonly onProgress?: (progress: CompileProgress) => void
}

/**
 * Few-shot demos chosen per input: the compiled program, on every call, retrieves the `k` train
 * examples nearest to its inputs ({@link KNN}), runs {@link BootstrapFewShot} on them with the
 * constructor's bootstrap options, and runs the program that bootstrap compiled on the inputs.
 *
 * The returned program is a reset copy of the student whose `forward` does that; it bootstraps
 * from a snapshot of the student (and teacher) taken at compile time, so neither is mutated and
 * later changes to them do not leak in. Its own saved state holds no demos, as in DSPy: the demos
 * are made per call.
 *
 * @example
 * ```ts
 * const optimizer = new KNNFewShot({ k: 3, trainset, embedder: openai.embedding('text-embedding-3-small') })
 * const program = await optimizer.compile(new ChainOfThought('question -> answer'))
 * await program.call({ question: 'What is the capital of Belgium?' })
 * ```
 * @see dspy.teleprompt.KNNFewShot
 */
export class KNNFewShot {
  /** The retriever over the trainset (shared by every compiled program, so the trainset is embedded once). */
  readonly knn: KNN
  /** The options of each per-call bootstrap. */
  readonly bootstrapOptions: BootstrapFewShotOptions

  /** @throws {KNNError} for a bad `k`; {@link CompileOptionsError} for bad bootstrap options; {@link ExampleError} for train examples without inputs. */
  constructor(options: KNNFewShotOptions) {
    const { k, trainset, embedder, similarity, ...bootstrapOptions } = options
    this.knn = new KNN({ k, trainset, embedder, ...(similarity === undefined ? {} : { similarity }) })
    this.bootstrapOptions = bootstrapOptions
    new BootstrapFewShot(bootstrapOptions)
  }

  /**
   * A reset copy of `student` that bootstraps demos from the nearest train examples on every call.
   *
   * @throws the signal's reason when aborted. Each call of the program throws what retrieval,
   * the bootstrap ({@link BootstrapError}, {@link CompileOptionsError}) or the program throws.
   */
  compile<Program extends Module<object, unknown>>(student: Program, options: KNNFewShotCompileOptions<Program> = {}): Promise<Program> {
    return reportCompile(this, student, options, () => this.#compile(student, options))
  }

  async #compile<Program extends Module<object, unknown>>(student: Program, options: KNNFewShotCompileOptions<Program> = {}): Promise<Program> {
    options.signal?.throwIfAborted()
    const snapshot = student.deepcopy()
    const teacher = options.teacher?.deepcopy()
    const knn = this.knn
    const bootstrap = new BootstrapFewShot(this.bootstrapOptions)
    const program = student.resetCopy()
    const forward = async (inputs: object, { signal }: ForwardOptions): Promise<unknown> => {
      const nearest = await knn.call(inputs as Readonly<Record<string, unknown>>, signal === undefined ? {} : { signal })
      const compiled = await bootstrap.compile(snapshot, {
        trainset: nearest,
        ...(teacher === undefined ? {} : { teacher }),
        ...(signal === undefined ? {} : { signal }),
      })
      return compiled.call(inputs, signal === undefined ? {} : { signal })
    }
    Object.defineProperty(program, 'forward', { value: forward, writable: true, enumerable: false, configurable: true })
    options.onProgress?.({ phase: 'knn-few-shot', completed: 1, total: 1 })
    return program
  }

  /** `{ k, ...bootstrap options }`. @see dspy.Teleprompter.get_params */
  getParams(): Readonly<Record<string, unknown>> {
    return { k: this.knn.k, similarity: this.knn.similarity, ...this.bootstrapOptions }
  }
}
