import type { Signature } from '@dspex/signatures'
import { pythonValueRepr } from '@dspex/types'
import { PredictionError } from './errors/prediction-error.js'
import { isExample } from './example.js'
import { Prediction } from './prediction.js'

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
