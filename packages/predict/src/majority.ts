import { Completions, type Example, isExample, isPrediction, Prediction } from '@dspex/primitives'
import { normalizeText } from '@dspex/primitives/internal'
import type { Signature } from '@dspex/signatures'
import { AggregationError } from './errors/aggregation-error.js'

/** A completion `majority` can vote with: a plain object of fields, an Example or a Prediction. */
export type MajorityCompletion = Readonly<Record<string, unknown>> | Example

/** What `majority` votes among: a Prediction's completions, Completions, or a list of completions (e.g. an ensemble's outputs). */
export type MajorityInput = Prediction | Completions | readonly MajorityCompletion[]

/** Options of {@link majority}. */
export interface MajorityOptions {
  /**
   * Turns a field value into the value that is counted; a completion whose value normalizes to
   * `null` or `undefined` is left out of the count. DSPy's answer normalization by default
   * (lower case, no punctuation or articles, collapsed whitespace; empty text counts as nothing);
   * `null` counts the raw values.
   */
  readonly normalize?: ((value: unknown) => unknown) | null
  /** The field to vote on; the signature's last output field, or else the first completion's last field. */
  readonly field?: string
}

/**
 * DSPy's default vote normalization (`normalize_text(s) or None`): NFD, lower case, ASCII
 * punctuation and the articles a/an/the removed, whitespace collapsed; `null` when nothing is left.
 * Non-text values are normalized through their string form.
 *
 * @see dspy.predict.aggregation.default_normalize
 */
export function normalizeVote(value: unknown): string | null {
  const normalized = normalizeText(String(value))
  return normalized === '' ? null : normalized
}

/**
 * Picks the most common completion by one field's normalized value and returns it as a
 * Prediction (holding only that completion). Completions whose value normalizes to nothing are
 * not counted (unless none is left); on a tie the value seen first wins, and the first completion
 * holding the winning value is returned.
 *
 * @throws {AggregationError} (`aggregation-empty`) when there are no completions,
 * (`aggregation-invalid-input`) for input of another kind.
 * @example
 * ```ts
 * const sampled = await new Predict('question -> answer', { n: 5, temperature: 1 }).call({ question })
 * const voted = majority(sampled) // the answer most completions agree on
 * ```
 * @see dspy.majority
 */
export function majority(input: MajorityInput, options: MajorityOptions = {}): Prediction {
  const { completions, signature } = readCompletions(input)
  const first = completions[0]
  if (first === undefined) throw new AggregationError({ message: 'majority needs at least one completion to vote among.', code: 'aggregation-empty' })
  const field = options.field ?? (signature === undefined ? fieldNames(first).at(-1) : signature.outputFields.at(-1)?.name)
  const normalize = options.normalize === undefined ? normalizeVote : (options.normalize ?? ((value: unknown) => value))
  const normalized = completions.map((completion) => normalize(fieldValue(completion, field)))
  const counted = normalized.filter((value) => value !== null && value !== undefined)
  const counts = new Map<unknown, number>()
  for (const value of counted.length > 0 ? counted : normalized) counts.set(value, (counts.get(value) ?? 0) + 1)
  let winner: unknown
  let best = 0
  for (const [value, count] of counts) {
    if (count > best) {
      winner = value
      best = count
    }
  }
  const chosen = completions[normalized.findIndex((value) => sameVote(value, winner))] ?? first
  return Prediction.fromCompletions([chosen as Record<string, unknown>], signature)
}

function readCompletions(input: MajorityInput): { completions: readonly MajorityCompletion[]; signature: Signature<object, object> | undefined } {
  if (isPrediction(input)) {
    const completions = input.completions
    if (completions === undefined) return { completions: [input], signature: undefined }
    return { completions: [...completions], signature: completions.signature }
  }
  if (input instanceof Completions) return { completions: [...input], signature: input.signature }
  if (Array.isArray(input)) return { completions: input as readonly MajorityCompletion[], signature: undefined }
  throw new AggregationError({
    message: `majority takes a Prediction, Completions or an array of completions, not ${typeof input}.`,
    code: 'aggregation-invalid-input',
  })
}

function fieldNames(completion: MajorityCompletion): string[] {
  return isExample(completion) ? completion.keys() : Object.keys(completion)
}

function fieldValue(completion: MajorityCompletion, field: string | undefined): unknown {
  if (field === undefined) return undefined
  return isExample(completion) ? completion.get(field) : (completion as Readonly<Record<string, unknown>>)[field]
}

function sameVote(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null)
}
