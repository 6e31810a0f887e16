import type { Example, Prediction } from '@dspex/primitives'

/**
 * How one example of an evaluation went: the example, what the program returned, and the metric's
 * score. When the program or the metric threw, `prediction` is an empty Prediction, `score` is the
 * evaluation's `failureScore`, and `error` holds what was thrown.
 */
export interface EvaluatedExample<Output = Prediction> {
  /** The example from the devset. */
  readonly example: Example
  /** What the program returned; an empty Prediction when the example failed. */
  readonly prediction: Output | Prediction
  /** The metric's score as a number (`true` is 1, `false` 0); `failureScore` when the example failed. */
  readonly score: number
  /** What the program or the metric threw; `undefined` when the example succeeded. */
  readonly error: unknown
}

/**
 * The outcome of an evaluation: the average score as a percentage rounded to two decimals
 * (`67.3` for 67.30%), and one {@link EvaluatedExample} per example, in devset order.
 *
 * A complete evaluation averages over the whole devset. When it stopped early (`aborted`: the
 * signal fired, or, on an {@link EvaluateError}, `maxErrors` was reached), `results` holds only the
 * examples that finished and `score` averages over those.
 *
 * @see dspy.evaluate.EvaluationResult
 */
export class EvaluationResult<Output = Prediction> {
  /** The average score in percent, `round(100 * sum / count, 2)`. */
  readonly score: number
  /** One entry per finished example, in devset order. */
  readonly results: readonly EvaluatedExample<Output>[]
  /** True when the evaluation stopped before every example ran. */
  readonly aborted: boolean

  constructor(options: { score: number; results: readonly EvaluatedExample<Output>[]; aborted?: boolean }) {
    this.score = options.score
    this.results = options.results
    this.aborted = options.aborted ?? false
  }

  /** DSPy's repr: `EvaluationResult(score=67.3, results=<list of 3 results>)`. */
  toString(): string {
    return `EvaluationResult(score=${this.score}, results=<list of ${this.results.length} results>)`
  }
}

/**
 * DSPy's overall score: `round(100 * sum / count, 2)`, rounded as Python rounds a float (the exact
 * binary value, exact ties to even). 0 when `count` is 0.
 */
export function averageScore(sum: number, count: number): number {
  if (count === 0) return 0
  return pythonRound((100 * sum) / count, 2)
}

/** Python's `round(value, digits)` for a float: the decimal nearest to the exact binary value, exact ties to even. */
export function pythonRound(value: number, digits: number): number {
  const magnitude = Math.abs(value)
  if (!Number.isFinite(value) || magnitude >= 1e21) return value
  const [whole = '0', fraction = ''] = magnitude.toFixed(80).split('.')
  const rest = fraction.slice(digits).replace(/0+$/, '')
  let scaled = BigInt(whole + fraction.slice(0, digits))
  if (rest > '5' || (rest === '5' && scaled % 2n === 1n)) scaled += 1n
  const rounded = Number(scaled) / 10 ** digits
  return value < 0 ? -rounded : rounded
}
