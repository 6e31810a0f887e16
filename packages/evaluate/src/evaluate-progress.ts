import cliProgress from 'cli-progress'
import { pythonRound } from './evaluation-result.js'

/** Where progress goes: a writable stream; the bar is drawn only when `isTTY` is true. */
export interface ProgressStream {
  /** True for a terminal. */
  readonly isTTY?: boolean
  /** Writes text to the stream. */
  write(text: string): unknown
}

/**
 * DSPy's running average, as its progress bar shows it: `Average Metric: 2.00 / 3 (66.7%)`.
 *
 * @see dspy.utils.parallelizer.ParallelExecutor._update_progress
 */
export function averageMetricText(sum: number, count: number): string {
  const percent = count === 0 ? '0' : pythonFloatText(pythonRound((100 * sum) / count, 1))
  return `Average Metric: ${pythonRound(sum, 2).toFixed(2)} / ${count} (${percent}%)`
}

/** A float as Python prints it: `100.0`, `66.7`. */
function pythonFloatText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value)
}

/**
 * The progress display of an evaluation. On a terminal, a `cli-progress` bar with DSPy's running
 * average (`Average Metric: 2.00 / 3 (66.7%) |████░░░░| 3/8`), redrawn at most ten times a second.
 * On anything else (a file, a pipe, CI logs), nothing while running and one final line with the
 * average when it stops.
 */
export class EvaluateProgress {
  readonly #stream: ProgressStream
  readonly #bar: cliProgress.SingleBar | undefined
  #sum = 0
  #count = 0
  #stopped = false

  /** Starts showing progress for `total` examples on `stream`. */
  constructor(total: number, stream: ProgressStream) {
    this.#stream = stream
    if (stream.isTTY !== true) return
    this.#bar = new cliProgress.SingleBar(
      {
        stream: stream as NodeJS.WritableStream,
        format: '{average} |{bar}| {value}/{total} [{duration_formatted}<{eta_formatted}]',
        barCompleteChar: '\u2588',
        barIncompleteChar: '\u2591',
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        fps: 10,
      },
      cliProgress.Presets.shades_classic,
    )
    this.#bar.start(total, 0, { average: averageMetricText(0, 0) })
  }

  /** Adds one finished example's score. */
  add(score: number): void {
    this.#sum += score
    this.#count += 1
    this.#bar?.update(this.#count, { average: averageMetricText(this.#sum, this.#count) })
  }

  /** Stops the display: the bar is drawn a last time, or the final line written. Safe to call twice. */
  stop(): void {
    if (this.#stopped) return
    this.#stopped = true
    if (this.#bar !== undefined) this.#bar.stop()
    else this.#stream.write(`${averageMetricText(this.#sum, this.#count)}\n`)
  }
}
