import type { Signature } from '@dspex/signatures'
import { pythonValueRepr } from '@dspex/types/internal'
import { PredictionError } from './errors/prediction-error.js'
import { type ExampleFields, type ExampleMemberName, ExampleRecord, type ExampleSource, type MergeData } from './example.js'
import { isExample } from './is-example.js'
import type { UsageByModel } from './usage-tracker.js'

const predictionMarker = Symbol.for('dspex.prediction')

/**
 * The output of a module: an {@link Example} without input keys, holding the first completion's
 * fields, with all completions in {@link PredictionRecord.completions}, the LM usage of the call
 * when usage tracking is on, and number semantics through a `score` field (`pred + 1`,
 * `pred > other` and sorting work through `valueOf`).
 *
 * @see dspy.Prediction
 */
export type Prediction<Data extends object = Record<string, unknown>> = PredictionRecord<Data> & ExampleFields<Data, PredictionMemberName>

/** The names of {@link Prediction}'s own members, which fields cannot use as properties. */
export type PredictionMemberName = ExampleMemberName | 'completions' | 'getLMUsage' | 'setLMUsage' | 'toNumber' | 'valueOf' | 'compare'

/** The constructor and static methods of {@link Prediction}. */
export interface PredictionConstructor {
  /** A prediction holding a copy of `base`'s fields. */
  new <Data extends object = Record<string, unknown>>(base?: ExampleSource<Data>): Prediction<Data>
  /** A prediction holding `base`'s fields with `overrides` applied on top. */
  new <Base extends object, Extra extends object>(base: ExampleSource<Base> | undefined, overrides: Extra): Prediction<MergeData<Base, Extra>>
  readonly prototype: PredictionRecord<Record<string, unknown>>
  /**
   * A prediction whose fields are the first completion's and whose
   * {@link PredictionRecord.completions} hold them all.
   *
   * @throws {PredictionError} (`completions-shape`) when the completions are not columns of one length.
   * @see dspy.Prediction.from_completions
   */
  fromCompletions<Data extends object>(completions: CompletionsSource<Data>, signature?: Signature<object, object>): Prediction<Data>
}

/** True when `value` is a {@link Prediction}, from this or another copy of the package. */
export function isPrediction(value: unknown): value is Prediction<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[predictionMarker] === true
}

/** The class behind {@link Prediction}. */
export class PredictionRecord<Data extends object = Record<string, unknown>> extends ExampleRecord<Data> {
  #completions: Completions<Data> | undefined
  #lmUsage: UsageByModel | undefined

  /** See {@link PredictionConstructor.fromCompletions}. */
  static fromCompletions<Data extends object>(completions: CompletionsSource<Data>, signature?: Signature<object, object>): Prediction<Data> {
    const columns = new Completions<Data>(completions, signature)
    const prediction = new PredictionRecord<Data>(new Map(columns.items().map(([key, values]) => [key, values[0]])))
    prediction.#completions = columns
    return prediction as Prediction<Data>
  }

  /** Every completion of the call, or `undefined` for a prediction not made from completions. */
  get completions(): Completions<Data> | undefined {
    return this.#completions
  }

  /** The LM usage of the call that made this prediction, per model id, when usage tracking was on. @see dspy.Prediction.get_lm_usage */
  getLMUsage(): UsageByModel | undefined {
    return this.#lmUsage
  }

  /** Attaches LM usage to the prediction. @see dspy.Prediction.set_lm_usage */
  setLMUsage(usage: UsageByModel | undefined): void {
    this.#lmUsage = usage
  }

  /**
   * The `score` field as a number (Python's `float(prediction)`): numbers as they are, booleans as
   * 0 or 1, numeric strings parsed.
   *
   * @throws {PredictionError} (`prediction-missing-score`) without a `score` field, (`prediction-invalid-score`)
   * when it is not a number.
   */
  toNumber(): number {
    if (!this.has('score')) {
      throw new PredictionError({
        message: "Prediction object does not have a 'score' field to convert to float.",
        code: 'prediction-missing-score',
      })
    }
    const score = this.get('score')
    if (typeof score === 'number') return score
    if (typeof score === 'boolean') return score ? 1 : 0
    if (typeof score === 'string' && score.trim() !== '' && !Number.isNaN(Number(score))) return Number(score)
    if (isPrediction(score)) return score.toNumber()
    throw new PredictionError({
      message: `The 'score' field of the prediction is not a number: ${pythonValueRepr(score)}.`,
      code: 'prediction-invalid-score',
    })
  }

  /** The score, so `prediction + 1`, `prediction / 2` and `a < b` compute with it as DSPy's operators do. */
  override valueOf(): number {
    return this.toNumber()
  }

  /**
   * Compares scores: negative when this score is lower than `other`'s, 0 when equal, positive
   * when higher. Usable with `Array.prototype.sort`.
   *
   * @throws {PredictionError} when either side has no usable score.
   */
  compare(other: number | PredictionRecord<Record<string, unknown>>): number {
    const theirs = typeof other === 'number' ? other : other.toNumber()
    const mine = this.toNumber()
    return mine < theirs ? -1 : mine > theirs ? 1 : 0
  }

  /** A deep copy that also keeps the completions and the LM usage. */
  override deepcopy(): this {
    const copied = super.deepcopy() as unknown as PredictionRecord<Data>
    copied.#completions = this.#completions
    copied.#lmUsage = this.#lmUsage === undefined ? undefined : structuredClone(this.#lmUsage)
    return copied as unknown as this
  }

  /**
   * DSPy's repr: `Prediction(\n    answer='4',\n    score=1\n)`, and with several completions
   * `completions=Completions(...)` and `(N completions omitted)` after it.
   */
  override toString(): string {
    const fields = this.items(true)
      .map(([key, value]) => `${key}=${pythonValueRepr(value)}`)
      .join(',\n    ')
    const completions = this.#completions
    if (completions === undefined || completions.length === 1) return `Prediction(\n    ${fields}\n)`
    return `Prediction(\n    ${fields},\n    completions=Completions(...)\n) (${completions.length - 1} completions omitted)`
  }
}

Object.defineProperty(PredictionRecord.prototype, predictionMarker, { value: true })

/**
 * A module's output (see the {@link Prediction} type).
 *
 * @example
 * ```ts
 * const prediction = Prediction.fromCompletions([{ answer: 'Paris' }, { answer: 'Lyon' }])
 * prediction.answer // 'Paris'
 * prediction.completions?.field('answer') // ['Paris', 'Lyon']
 * ```
 * @see dspy.Prediction
 */
export const Prediction: PredictionConstructor = PredictionRecord as PredictionConstructor

// Completions live here with Prediction, as in DSPy's prediction.py: each builds the other (`Prediction.fromCompletions`, `Completions.at`).

/** Completions as columns: each field's values, one per completion. */
export type CompletionColumns<Data extends object> = { readonly [Key in keyof Data]: readonly Data[Key][] }

/** What completions are built from: a list of rows (objects or examples) or columns. */
export type CompletionsSource<Data extends object> =
  | readonly (Data | { items(includeDspy?: boolean): [string, unknown][] })[]
  | CompletionColumns<Data>
  | Completions<Data>

/**
 * The n candidate outputs of one call, stored as columns: `at(i)` gives the i-th as a
 * {@link Prediction}, `field(name)` every value of one field, `length` how many there are.
 * Iterating yields the predictions in order.
 *
 * @example
 * ```ts
 * const completions = new Completions([{ answer: 'Paris' }, { answer: 'Lyon' }])
 * completions.length // 2
 * completions.at(1).answer // 'Lyon'
 * completions.field('answer') // ['Paris', 'Lyon']
 * ```
 * @see dspy.primitives.prediction.Completions
 */
export class Completions<Data extends object = Record<string, unknown>> {
  /** The signature the completions answer, when given. */
  readonly signature: Signature<object, object> | undefined
  readonly #columns: ReadonlyMap<string, readonly unknown[]>

  /**
   * @throws {PredictionError} (`completions-shape`) when columns are not arrays or differ in length,
   * or rows do not all have the same fields.
   */
  constructor(source: CompletionsSource<Data>, signature?: Signature<object, object>) {
    this.signature = signature
    this.#columns = toColumns(source)
  }

  /** How many completions there are (0 when there are no fields). */
  get length(): number {
    const first = this.#columns.values().next()
    return first.done === true ? 0 : first.value.length
  }

  /**
   * The completion at `index` as a prediction; a negative index counts from the end, as `Array.prototype.at`.
   *
   * @throws {PredictionError} (`completions-out-of-range`) when there is no such completion.
   */
  at(index: number): Prediction<Data> {
    const position = index < 0 ? index + this.length : index
    if (!Number.isInteger(index) || position < 0 || position >= this.length) {
      throw new PredictionError({
        message: `Index out of range: completion ${index} of ${this.length}.`,
        code: 'completions-out-of-range',
      })
    }
    const row = new Map([...this.#columns].map(([key, values]) => [key, values[position]]))
    return new Prediction<Data>(row)
  }

  /**
   * Every completion's value of the field `name`.
   *
   * @throws {PredictionError} (`completions-out-of-range`) when the completions have no such field.
   */
  field<Key extends keyof Data & string>(name: Key): Data[Key][] {
    const values = this.#columns.get(name)
    if (values === undefined) {
      throw new PredictionError({
        message: `The completions have no field '${name}' (fields: ${[...this.#columns.keys()].join(', ')}).`,
        code: 'completions-out-of-range',
      })
    }
    return [...values] as Data[Key][]
  }

  /** True when the completions have the field `name`. */
  has(name: string): boolean {
    return this.#columns.has(name)
  }

  /** The field names. */
  keys(): string[] {
    return [...this.#columns.keys()]
  }

  /** `[field, values]` pairs, one per field. */
  items(): [string, unknown[]][] {
    return [...this.#columns].map(([key, values]) => [key, [...values]])
  }

  /** The completions in order, as predictions. */
  *[Symbol.iterator](): IterableIterator<Prediction<Data>> {
    for (let index = 0; index < this.length; index += 1) yield this.at(index)
  }

  /** DSPy's repr: `Completions(\n    answer=['Paris', 'Lyon']\n)`. */
  toString(): string {
    const fields = [...this.#columns].map(([key, values]) => `${key}=${pythonValueRepr(values)}`).join(',\n    ')
    return `Completions(\n    ${fields}\n)`
  }
}

function toColumns<Data extends object>(source: CompletionsSource<Data>): ReadonlyMap<string, readonly unknown[]> {
  if (source instanceof Completions) return new Map(source.items())
  const columns = new Map<string, unknown[]>()
  if (Array.isArray(source)) {
    for (const row of source as readonly object[]) {
      const pairs = isExample(row) ? row.items(true) : Object.entries(row)
      for (const [key, value] of pairs) {
        const column = columns.get(key)
        if (column === undefined) columns.set(key, [value])
        else column.push(value)
      }
    }
  } else {
    for (const [key, values] of Object.entries(source)) {
      if (!Array.isArray(values)) {
        throw new PredictionError({ message: `All values must be lists: '${key}' is not an array.`, code: 'completions-shape' })
      }
      columns.set(key, [...values])
    }
  }
  const lengths = new Set([...columns.values()].map((values) => values.length))
  if (lengths.size > 1) {
    const described = [...columns].map(([key, values]) => `${key}: ${values.length}`).join(', ')
    throw new PredictionError({ message: `All lists must have the same length (${described}).`, code: 'completions-shape' })
  }
  return columns
}
