import type { Callback } from '@dspex/core'
import { withCallbacks } from '@dspex/core'
import { setAttributeByName } from './attribute-path.js'
import { type BatchOptions, type BatchResult, runBatch } from './batch.js'
import { ModuleError } from './errors/module-error.js'
import { StateLoadError } from './errors/state-load-error.js'
import type { Example } from './example.js'
import { isExample } from './is-example.js'
import { moduleMarker } from './is-module.js'
import { collectNamedParameters, collectNamedSubModules } from './named-parameters.js'
import { isPredictor, type Parameter, type Predictor } from './parameter.js'
import { isPlainObject } from './plain-object.js'
import { isPrediction, type Prediction } from './prediction.js'
import type { HistoryEntry } from './record-history.js'
import { activeSignal, contextOverrides, getSetting, runInFrame } from './settings-context.js'
import type { RegisteredType } from './settings-registry.js'
import { readStateFile, versionMismatchWarnings, writeStateFile } from './state-file.js'
import { copyModuleStructure } from './structural-copy.js'
import { UsageTracker } from './usage-tracker.js'

/** Options of a {@link Module}'s constructor. */
export interface ModuleOptions {
  /** Callbacks for this module's calls only, run after the configured ones. */
  readonly callbacks?: readonly Callback[]
}

/**
 * Options of {@link Module.call}: the abort signal every module takes. A module with more per-call
 * options (a predictor's `demos`, `config`, `lm`) declares an interface extending this one and
 * names it as the module's third type parameter.
 */
export interface ModuleCallOptions {
  /** Cancels the call; calls made inside inherit it. */
  readonly signal?: AbortSignal | undefined
}

/**
 * What {@link Module.forward} receives besides the inputs: the call's options as the caller gave
 * them, with `signal` set to the signal in effect (the caller's, combined with the one inherited
 * from an enclosing module call or batch).
 */
export type ForwardOptions<CallOptions extends ModuleCallOptions = ModuleCallOptions> = Omit<CallOptions, 'signal'> & {
  /** The call's abort signal (its own, or the one inherited from the calling module or batch). */
  readonly signal: AbortSignal | undefined
}

/** Options of {@link Module.namedSubModules}. */
export interface NamedSubModulesOptions<Found> {
  /** Only modules that are instances of this class (DSPy's `type_`). */
  readonly type?: abstract new (
    ...args: never[]
  ) => Found
  /** Do not look inside compiled modules. */
  readonly skipCompiled?: boolean
}

/** An item of a batch: an example (its inputs are used) or the inputs themselves. */
export type BatchItem<Inputs extends object> = Inputs | Example<Record<string, unknown>, string>

/**
 * A DSPy program: subclasses set predictors and sub-modules as ordinary properties and implement
 * {@link Module.forward}; callers use {@link Module.call}. The module finds its parameters by
 * walking its properties, saves and loads them in DSPy's JSON layout, copies itself for
 * optimizers, and runs batches concurrently.
 *
 * Keep state in ordinary properties, not `#private` fields: {@link Module.deepcopy} copies
 * properties without running the constructor. The property names `callbacks`, `history` and
 * `compiled` are the module's own (non-enumerable) bookkeeping; do not use them for attributes.
 *
 * @example
 * ```ts
 * class TwoStep extends Module<{ question: string }> {
 *   generateQuery = new Predict('question -> search_query')
 *   answer = new ChainOfThought('question, context: list[str] -> answer')
 *
 *   protected async forward({ question }: { question: string }, { signal }: ForwardOptions) {
 *     const { search_query } = await this.generateQuery.call({ question }, { signal })
 *     return this.answer.call({ question, context: [search_query] }, { signal })
 *   }
 * }
 * ```
 * @see dspy.Module
 */
export abstract class Module<
  Inputs extends object = Record<string, unknown>,
  Output = Prediction,
  CallOptions extends ModuleCallOptions = ModuleCallOptions,
> {
  /** This module's own callbacks (run after the configured ones). Not walked, not saved. */
  declare callbacks: Callback[]
  /** The LM calls made while this module's call was running (see {@link recordHistory}). Not walked, not saved; a copy starts empty. */
  declare history: HistoryEntry[]
  /** True once an optimizer compiled the module: its parameters are then frozen, left out of an enclosing module's parameters. */
  declare compiled: boolean

  constructor(options: ModuleOptions = {}) {
    Object.defineProperties(this, {
      callbacks: { value: [...(options.callbacks ?? [])], writable: true, enumerable: false, configurable: true },
      history: { value: [], writable: true, enumerable: false, configurable: true },
      compiled: { value: false, writable: true, enumerable: false, configurable: true },
    })
  }

  /**
   * The program's logic; called by {@link Module.call}, never directly. `options` holds this call's
   * options untouched (with the signal in effect): a module that wraps others passes what they need
   * on to their `call` explicitly.
   */
  protected abstract forward(inputs: Inputs, options: ForwardOptions<CallOptions>): Promise<Output> | Output

  /**
   * Runs the module: reports the call to callbacks (`onModuleStart`/`onModuleEnd`), runs
   * {@link Module.forward} with the call's options and this module added to the `callerModules`
   * setting (so LM calls reach its history) and, when the `trackUsage` setting is on and no tracker
   * is active, attaches the LM usage of the call to the returned prediction. A call with options
   * reports exactly what a call without them does.
   *
   * @throws what `forward` throws, or the signal's reason when it is already aborted.
   * @see dspy.Module.__call__
   */
  call(inputs: Inputs, options?: CallOptions): Promise<Output> {
    return withCallbacks({ kind: 'module', instance: this, inputs: inputs as Readonly<Record<string, unknown>> }, () =>
      this.runForward(inputs, options),
    )
  }

  private async runForward(inputs: Inputs, options: CallOptions | undefined): Promise<Output> {
    const signal = combineSignals(activeSignal(), options?.signal)
    signal?.throwIfAborted()
    const callerModules = [...getSetting('callerModules'), this]
    const tracker = getSetting('trackUsage') && contextOverrides().usageTracker == null ? new UsageTracker() : undefined
    const overrides = tracker === undefined ? { callerModules } : { callerModules, usageTracker: tracker }
    const forwardOptions = forwardOptionsOf(options, signal)
    const output = await runInFrame({ overrides, signal }, () => this.forward(inputs, forwardOptions))
    if (tracker !== undefined) attachUsage(output, tracker)
    return output
  }

  /** Every parameter reachable from the module, with DSPy's names (`predict`, `cot.predict`, `lst[0]`, `d['k']`). @see dspy.BaseModule.named_parameters */
  namedParameters(): [string, Parameter][] {
    return collectNamedParameters(this)
  }

  /** The parameters of {@link Module.namedParameters}, without names. @see dspy.BaseModule.parameters */
  parameters(): Parameter[] {
    return this.namedParameters().map(([, parameter]) => parameter)
  }

  /** The named parameters that are predictors. @see dspy.Module.named_predictors */
  namedPredictors(): [string, Predictor][] {
    return this.namedParameters().filter((entry): entry is [string, Predictor] => isPredictor(entry[1]))
  }

  /** The predictors, without names. @see dspy.Module.predictors */
  predictors(): Predictor[] {
    return this.namedPredictors().map(([, predictor]) => predictor)
  }

  /**
   * Every module reachable from this one, itself first as `self`, breadth first (`self.sub`,
   * `self.lst[0]`, `self.d[k]`).
   *
   * @see dspy.BaseModule.named_sub_modules
   */
  namedSubModules<Found = Module<object, unknown>>(options: NamedSubModulesOptions<Found> = {}): [string, Found][] {
    const found = collectNamedSubModules(this, options.skipCompiled ?? false)
    const type = options.type
    return (type === undefined ? found : found.filter(([, module]) => module instanceof type)) as [string, Found][]
  }

  /** Sets `lm` on every parameter that has an `lm` property (predictors do). @see dspy.Module.set_lm */
  setLM(lm: RegisteredType<'lm'> | null): void {
    for (const parameter of this.parameters()) if ('lm' in parameter) parameter.lm = lm
  }

  /**
   * The LM the parameters use, when they all use the same one.
   *
   * @throws {ModuleError} (`module-lm-not-unique`) when they use several or there are none.
   * @see dspy.Module.get_lm
   */
  getLM(): RegisteredType<'lm'> | null {
    const lms = new Set(this.parameters().flatMap((parameter) => ('lm' in parameter ? [parameter.lm ?? null] : [])))
    if (lms.size === 1) return [...lms][0] ?? null
    throw new ModuleError({
      message:
        lms.size === 0
          ? 'The module has no parameters with an LM. There is no unique LM to return.'
          : 'Multiple LMs are being used in the module. There is no unique LM to return.',
      code: 'module-lm-not-unique',
    })
  }

  /**
   * Replaces every predictor by what `fn` returns for it, at the same attribute path. Returns the module.
   *
   * @throws {ModuleError} (`module-attribute-path`) when `fn` returns another object for the module itself.
   * @see dspy.Module.map_named_predictors
   */
  mapNamedPredictors(fn: (predictor: Predictor, name: string) => Predictor): this {
    for (const [name, predictor] of this.namedPredictors()) {
      const replacement = fn(predictor, name)
      if (name !== 'self') setAttributeByName(this, name, replacement)
      else if (replacement !== predictor) {
        throw new ModuleError({ message: 'A predictor cannot replace the module itself (its name is `self`).', code: 'module-attribute-path' })
      }
    }
    return this
  }

  /**
   * A structural copy of the module, made without running its constructor: same prototype; each
   * own property copied by this rule: parameters through their own `copy()`, sub-modules by this
   * same rule, examples by their `deepcopy()`, arrays, plain objects, Maps, Sets and Dates copied
   * with their contents, anything else (LMs, signatures, functions, other class instances) shared.
   * A value reached twice is copied once. `history` starts empty; `callbacks` keeps the same callbacks.
   * Arrow functions stored as properties are shared, so they stay bound to the original module.
   * A module with `#private` fields or constructor-made invariants must override this method.
   *
   * @see dspy.BaseModule.deepcopy
   */
  deepcopy(): this {
    return copyModuleStructure(this)
  }

  /** A {@link Module.deepcopy} whose parameters are all reset. @see dspy.BaseModule.reset_copy */
  resetCopy(): this {
    const copied = this.deepcopy()
    for (const parameter of copied.parameters()) parameter.reset()
    return copied
  }

  /** The state of every parameter by name, in DSPy's layout: `{ 'cot.predict': { traces, train, demos, signature, lm } }`. @see dspy.BaseModule.dump_state */
  dumpState(): Record<string, unknown> {
    const state: Record<string, unknown> = {}
    for (const [name, parameter] of this.namedParameters()) state[name] = parameter.dumpState()
    return state
  }

  /**
   * Loads saved state into the parameters, by name; other top-level keys (`metadata`) are ignored.
   * Transactional: the state is first applied to a copy, so when any part is missing or bad the
   * module is left unchanged.
   *
   * @throws {StateLoadError} naming the first missing or bad key (`cot.predict`, `cot.predict.demos[0]`).
   * @see dspy.BaseModule.load_state
   */
  loadState(state: unknown): this {
    if (!isPlainObject(state)) throw StateLoadError.invalid([], 'an object', state)
    applyState(this.deepcopy(), state)
    applyState(this, state)
    return this
  }

  /**
   * Saves the state to a `.json` file exactly as DSPy writes it (two-space indent, trailing
   * newline, `metadata.dependency_versions`), so DSPy 3.3.1 can load it.
   *
   * @throws {StateSaveError} for another suffix, a value that is not JSON, or a failed write.
   * @see dspy.BaseModule.save
   */
  async save(path: string): Promise<void> {
    await writeStateFile(path, this.dumpState())
  }

  /**
   * Loads a `.json` state file saved by DSPex or DSPy. A missing `metadata.dependency_versions`
   * is an error, as in DSPy; versions that differ from DSPy 3.3.1's are reported to the logger.
   *
   * @throws {StateLoadError} for another suffix, an unreadable or invalid file, or state that does not fit the program.
   * @see dspy.BaseModule.load
   */
  async load(path: string): Promise<this> {
    const { state, dependencyVersions } = await readStateFile(path)
    const logger = getSetting('logger')
    for (const warning of versionMismatchWarnings(dependencyVersions)) logger.warn(warning)
    return this.loadState(state)
  }

  /**
   * Calls the module on every item (an example's inputs, or inputs as they are) with at most
   * `concurrency` calls at once. Results come back in item order, `undefined` where a call failed;
   * failures are kept per item.
   *
   * @throws {ExampleError} when an example has no input keys (before anything runs); {@link BatchError}
   * once `maxErrors` calls have failed or when `signal` fires.
   * @example
   * ```ts
   * const { results, failures } = await program.batch(devset, { concurrency: 16 })
   * ```
   * @see dspy.Module.batch
   */
  async batch<Item extends BatchItem<Inputs>>(items: readonly Item[], options: BatchOptions = {}): Promise<BatchResult<Output, Item>> {
    const inputs = items.map((item) => (isExample(item) ? (Object.fromEntries(item.inputs().items()) as Inputs) : (item as Inputs)))
    return runBatch(
      items,
      (_item, signal, index) => this.call(inputs[index] as Inputs, (signal === undefined ? {} : { signal }) as CallOptions),
      options,
    )
  }

  /** DSPy's repr: one `name = predictor` line per named predictor. */
  toString(): string {
    return this.namedPredictors()
      .map(([name, predictor]) => `${name} = ${String(predictor)}`)
      .join('\n')
  }
}

Object.defineProperty(Module.prototype, moduleMarker, { value: true })

function applyState(module: Module<object, unknown>, state: Readonly<Record<string, unknown>>): void {
  for (const [name, parameter] of module.namedParameters()) {
    if (!Object.hasOwn(state, name)) throw StateLoadError.missing([name], Object.keys(state))
    const entry = state[name]
    if (!isPlainObject(entry)) throw StateLoadError.invalid([name], 'an object', entry)
    try {
      parameter.loadState(entry)
    } catch (error) {
      throw StateLoadError.within([name], error)
    }
  }
}

const noCallOptions: ForwardOptions = Object.freeze({ signal: undefined })

function forwardOptionsOf<CallOptions extends ModuleCallOptions>(
  options: CallOptions | undefined,
  signal: AbortSignal | undefined,
): ForwardOptions<CallOptions> {
  if (options === undefined || options === null) return (signal === undefined ? noCallOptions : { signal }) as ForwardOptions<CallOptions>
  return options.signal === signal ? (options as ForwardOptions<CallOptions>) : { ...options, signal }
}

function combineSignals(inherited: AbortSignal | undefined, given: AbortSignal | undefined): AbortSignal | undefined {
  if (given === undefined || given === inherited) return inherited
  if (inherited === undefined) return given
  return AbortSignal.any([inherited, given])
}

function attachUsage(output: unknown, tracker: UsageTracker): void {
  const prediction = isPrediction(output) ? output : Array.isArray(output) && isPrediction(output[0]) ? output[0] : undefined
  if (prediction !== undefined) prediction.setLMUsage(tracker.totals())
  else getSetting('logger').warn('Failed to set LM usage. Please return a `Prediction` from the module to enable usage tracking.')
}
