import { BatchError, type Callback, type Example, Prediction, type TraceEntry, withCallbacks } from '@dspex/primitives'
import { type BatchOutcome, runBatch } from '@dspex/primitives/internal'
import { EvaluateError } from './errors/evaluate-error.js'
import { EvaluateProgress, type ProgressStream } from './evaluate-progress.js'
import { averageScore, type EvaluatedExample, EvaluationResult } from './evaluation-result.js'
import { saveResultsAsCSV, saveResultsAsJSON } from './export-results.js'
import { type MetricResult, metricScore } from './metric.js'
import { formatResultsTable } from './results-table.js'
import { metricName, resultsToRows } from './results-to-rows.js'

/** A program Evaluate can run: a {@link Module} (or anything with its `call`). */
export interface EvaluateProgram<Output = unknown> {
  /** Runs the program on one example's inputs; `signal` fires when the evaluation stops. */
  call(inputs: Record<string, unknown>, options: { readonly signal?: AbortSignal }): Promise<Output>
}

/**
 * A metric Evaluate accepts: any {@link Metric}, whatever example and prediction types it declares
 * (checked loosely, as method parameters are).
 */
export type EvaluateMetric = {
  bivariant(example: Example, prediction: Prediction, trace?: readonly TraceEntry[]): MetricResult | Promise<MetricResult>
}['bivariant']

/** What {@link Evaluate.run} may override, per run. */
export interface EvaluateRunOptions {
  /** The metric for this run. */
  readonly metric?: EvaluateMetric
  /** The examples for this run. */
  readonly devset?: readonly Example[]
  /** How many examples run at once. */
  readonly concurrency?: number
  /** How many failed examples stop the run. */
  readonly maxErrors?: number
  /** Show a progress bar (on a terminal) or a final average line (elsewhere). */
  readonly displayProgress?: boolean
  /** Print the results table: `true` for every row, a number for the first rows. */
  readonly displayTable?: boolean | number
  /** Write the rows to this CSV file. */
  readonly saveAsCSV?: string
  /** Write the rows to this JSON file. */
  readonly saveAsJSON?: string
  /** Stops the run: running calls see the abort, and `run` resolves with what finished (`aborted: true`). */
  readonly signal?: AbortSignal | undefined
  /** Given to `onEvaluateStart` handlers with the other inputs. */
  readonly callbackMetadata?: Readonly<Record<string, unknown>>
}

/** Options of {@link Evaluate}'s constructor. */
export interface EvaluateOptions extends Omit<EvaluateRunOptions, 'signal' | 'callbackMetadata'> {
  /** The examples to evaluate on; each must have its inputs set (`withInputs`). */
  readonly devset: readonly Example[]
  /** The score given to an example whose program call or metric threw; 0 by default. */
  readonly failureScore?: number
  /** The metric's column name in tables and files; the metric function's name by default. */
  readonly metricName?: string
  /** Callbacks for this evaluation's `onEvaluateStart`/`onEvaluateEnd`, after the configured ones. */
  readonly callbacks?: readonly Callback[]
  /** Where the progress goes; `process.stderr` by default. */
  readonly progressStream?: ProgressStream
  /** Where the results table goes; `process.stdout` by default. */
  readonly write?: ((text: string) => void) | undefined
}

const writeToStdout = (text: string): void => {
  process.stdout.write(text)
}

/**
 * Runs a program on every example of a devset, concurrently, scores each prediction with a metric
 * and reports the average as a percentage. An example whose program call or metric throws gets an
 * empty Prediction and `failureScore`, and keeps its error; once `maxErrors` examples failed the
 * rest are cancelled and {@link EvaluateError} is thrown with what finished. An abort through
 * `signal` is not an error: `run` resolves with the examples that finished and `aborted: true`.
 *
 * Concurrency and `maxErrors` default to the `concurrency` (16) and `maxErrors` (10) settings;
 * thousands of examples at once are fine, since each waits on its LM call without a thread.
 *
 * @example
 * ```ts
 * const evaluate = new Evaluate({ devset, metric: answerExactMatch, concurrency: 32, displayProgress: true })
 * const { score, results } = await evaluate.run(new ChainOfThought('question -> answer'))
 * ```
 * @see dspy.Evaluate
 */
export class Evaluate {
  /** The default examples. */
  readonly devset: readonly Example[]
  /** The default metric. */
  readonly metric: EvaluateMetric | undefined
  /** This evaluation's own callbacks, run after the configured ones. */
  readonly callbacks: Callback[]
  readonly #options: EvaluateOptions

  /** @throws {EvaluateError} (`evaluate-invalid-options`) for a bad `failureScore` or `displayTable`. */
  constructor(options: EvaluateOptions) {
    if (!Number.isFinite(options.failureScore ?? 0)) throw invalid('failureScore must be a finite number')
    checkDisplayTable(options.displayTable)
    this.devset = options.devset
    this.metric = options.metric
    this.callbacks = [...(options.callbacks ?? [])]
    this.#options = options
  }

  /**
   * Evaluates `program`, with per-run `overrides` of the constructor's options. Reports the run to
   * `onEvaluateStart`/`onEvaluateEnd` callbacks. Prints the table and writes the files when asked.
   *
   * @throws {EvaluateError} (`evaluate-max-errors`) once `maxErrors` examples failed, with the
   * partial result; (`evaluate-invalid-options`) for no metric, an empty devset or a bad option;
   * (`evaluate-save-failed`) when a file cannot be written, with the full result.
   */
  async run<Output>(program: EvaluateProgram<Output>, overrides: EvaluateRunOptions = {}): Promise<EvaluationResult<Output>> {
    const options: EvaluateRunOptions & EvaluateOptions = { ...this.#options, ...withoutUndefined(overrides) }
    const inputs = {
      program,
      metric: options.metric,
      devset: options.devset,
      concurrency: options.concurrency,
      displayProgress: options.displayProgress ?? false,
      displayTable: options.displayTable ?? false,
      callbackMetadata: options.callbackMetadata,
    }
    return withCallbacks({ kind: 'evaluate', instance: this, inputs }, () => evaluate(program, options))
  }
}

async function evaluate<Output>(program: EvaluateProgram<Output>, options: EvaluateRunOptions & EvaluateOptions): Promise<EvaluationResult<Output>> {
  const { devset, metric } = options
  if (metric === undefined) throw invalid('no metric was given: pass `metric` to Evaluate or to run')
  if (devset.length === 0) throw invalid('the devset is empty')
  checkDisplayTable(options.displayTable)
  const failureScore = options.failureScore ?? 0
  const records: (EvaluatedExample<Output> | undefined)[] = new Array(devset.length)
  const progress = options.displayProgress === true ? new EvaluateProgress(devset.length, options.progressStream ?? process.stderr) : undefined
  let callOptions: { readonly signal: AbortSignal } | undefined
  const runExample = async (example: Example, signal: AbortSignal): Promise<EvaluatedExample<Output>> => {
    if (callOptions?.signal !== signal) callOptions = { signal }
    const prediction = await program.call(Object.fromEntries(example.inputs().items()), callOptions)
    const score = metricScore(await metric(example, prediction as Prediction))
    return { example, prediction, score, error: undefined }
  }
  const onSettled = (index: number, outcome: BatchOutcome<EvaluatedExample<Output>>): void => {
    const record = outcome.ok
      ? outcome.output
      : { example: devset[index] as Example, prediction: new Prediction(), score: failureScore, error: outcome.error }
    records[index] = record
    progress?.add(record.score)
  }
  let aborted: boolean
  try {
    const batchOptions = { concurrency: options.concurrency, maxErrors: options.maxErrors, signal: options.signal, onAbort: 'return' as const }
    aborted = (await runBatch(devset, runExample, batchOptions, { onSettled })).aborted === true
  } catch (error) {
    if (!BatchError.isInstance(error)) throw error
    if (error.code === 'batch-invalid-options') throw invalid(error.message.replace('The batch option ', ''), error)
    const result = collect(records, true)
    throw new EvaluateError({
      message: `Execution cancelled due to errors or interruption: ${error.failures.length} of ${devset.length} examples failed (maxErrors reached); ${result.results.length} finished.`,
      code: 'evaluate-max-errors',
      result,
      cause: error.cause,
    })
  } finally {
    progress?.stop()
  }
  const result = collect(records, aborted)
  await report(result, options)
  return result
}

function collect<Output>(records: readonly (EvaluatedExample<Output> | undefined)[], aborted: boolean): EvaluationResult<Output> {
  const results = aborted ? records.filter((record) => record !== undefined) : (records as readonly EvaluatedExample<Output>[])
  let sum = 0
  for (const record of results) sum += record.score
  return new EvaluationResult({ score: averageScore(sum, results.length), results, aborted })
}

async function report<Output>(result: EvaluationResult<Output>, options: EvaluateRunOptions & EvaluateOptions): Promise<void> {
  const { displayTable, saveAsCSV, saveAsJSON } = options
  if (!displayTable && saveAsCSV === undefined && saveAsJSON === undefined) return
  const column = options.metricName ?? metricName(options.metric)
  const rows = resultsToRows(result.results, column)
  if (displayTable) {
    const tableOptions = typeof displayTable === 'number' ? { maxRows: displayTable } : {}
    ;(options.write ?? writeToStdout)(formatResultsTable(rows, column, tableOptions))
  }
  try {
    if (saveAsCSV !== undefined) await saveResultsAsCSV(saveAsCSV, rows)
    if (saveAsJSON !== undefined) await saveResultsAsJSON(saveAsJSON, rows)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new EvaluateError({ message: `Could not save the evaluation results: ${message}`, code: 'evaluate-save-failed', result, cause: error })
  }
}

function checkDisplayTable(displayTable: boolean | number | undefined): void {
  if (typeof displayTable === 'number' && !(Number.isInteger(displayTable) && displayTable >= 0)) {
    throw invalid(`displayTable must be a boolean or a non-negative integer, got ${displayTable}`)
  }
}

function withoutUndefined<Options extends object>(options: Options): Partial<Options> {
  const defined: Partial<Options> = {}
  for (const key of Object.keys(options) as (keyof Options)[]) if (options[key] !== undefined) defined[key] = options[key]
  return defined
}

function invalid(problem: string, cause?: unknown): EvaluateError {
  return new EvaluateError({ message: `Invalid Evaluate options: ${problem}.`, code: 'evaluate-invalid-options', cause })
}
