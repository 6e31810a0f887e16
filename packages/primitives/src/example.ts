import { pythonStringRepr, pythonValueRepr } from '@dspex/types/internal'
import { ExampleError } from './errors/example-error.js'
import { exampleMarker, isExample } from './is-example.js'
import { isPlainObject } from './plain-object.js'
import { pythonEquals } from './python-equals.js'
import { structuralCopy } from './structural-copy.js'

const inspect = Symbol.for('nodejs.util.inspect.custom')

/** Where an example's data can come from: an object, another example, or a Map (which keeps any key order). */
export type ExampleSource<Data extends object> = Data | ExampleRecord<Data, string> | ReadonlyMap<string, unknown>

/** `Base` with the keys of `Extra` replaced or added. */
export type MergeData<Base, Extra> = Omit<Base, keyof Extra> & Extra

/** What {@link Example.toDict} makes of a value: `toDict()`/`toJSON()` results, arrays and plain objects walked. */
export type DictValue<Value> = Value extends { toDict(): infer Dict }
  ? Dict
  : Value extends { toJSON(): infer Json }
    ? Json
    : Value extends readonly (infer Item)[]
      ? DictValue<Item>[]
      : Value extends (...args: never[]) => unknown
        ? Value
        : Value extends object
          ? { [Key in keyof Value]: DictValue<Value[Key]> }
          : Value

/** The names of {@link Example}'s own members, which fields cannot use as properties. */
export type ExampleMemberName =
  | 'inputKeys'
  | 'length'
  | 'get'
  | 'set'
  | 'has'
  | 'delete'
  | 'keys'
  | 'values'
  | 'items'
  | 'withInputs'
  | 'inputs'
  | 'labels'
  | 'copy'
  | 'without'
  | 'deepcopy'
  | 'toDict'
  | 'toJSON'
  | 'equals'
  | 'toString'
  | 'repr'
  | 'constructor'

/** The data fields of an example as typed properties, except those whose names its members take. */
export type ExampleFields<Data, Reserved extends string = ExampleMemberName> = Omit<Data, Reserved>

/**
 * An example: DSPy's dict-like record of named fields, some marked as inputs. Fields are read with
 * `get(key)` or as properties (`example.question`), which are typed from `Data`. A field whose name
 * is taken by a method (`keys`, `copy` ...) is only reachable through `get`; a field added with
 * `set` becomes a property too, but assigning an unknown property does not add a field.
 *
 * @see dspy.Example
 */
export type Example<Data extends object = Record<string, unknown>, InputKey extends string = string> = ExampleRecord<Data, InputKey> &
  ExampleFields<Data>

/** The constructor of {@link Example}. */
export interface ExampleConstructor {
  /** An example holding a copy of `base`'s fields (not its input keys). */
  new <Data extends object = Record<string, unknown>>(base?: ExampleSource<Data>): Example<Data>
  /** An example holding `base`'s fields with `overrides` applied on top, as DSPy's `Example(base, **kwargs)`. */
  new <Base extends object, Extra extends object>(base: ExampleSource<Base> | undefined, overrides: Extra): Example<MergeData<Base, Extra>>
  readonly prototype: ExampleRecord<Record<string, unknown>, string>
}

type AnyExampleConstructor = new (base?: unknown, overrides?: object) => ExampleRecord<Record<string, unknown>, string>

/** The class behind {@link Example}; its instances also expose their fields as properties. */
export class ExampleRecord<Data extends object = Record<string, unknown>, InputKey extends string = string> {
  /** Any field is readable as a property; fields of `Data` are typed (see {@link ExampleFields}). */
  [field: string]: unknown
  #store = new Map<string, unknown>()
  #inputKeys: ReadonlySet<string> | undefined

  constructor(base?: ExampleSource<Data>, overrides?: object) {
    if (base !== undefined && base !== null) {
      const entries = isExample(base)
        ? base.items(true)
        : base instanceof Map
          ? [...(base as ReadonlyMap<string, unknown>).entries()]
          : Object.entries(base)
      for (const [key, value] of entries) this.set(key, value)
    }
    if (overrides !== undefined) for (const [key, value] of Object.entries(overrides)) this.set(key, value)
  }

  /** The names given to {@link ExampleRecord.withInputs}, or `undefined` before it was called. */
  get inputKeys(): ReadonlySet<InputKey> | undefined {
    return this.#inputKeys as ReadonlySet<InputKey> | undefined
  }

  /** The number of fields, not counting `dspy_*` ones (Python's `len`). */
  get length(): number {
    let count = 0
    for (const key of this.#store.keys()) if (!key.startsWith('dspy_')) count += 1
    return count
  }

  /** The value of `key`, or `undefined` when the example does not hold it. @see dspy.Example.get */
  get<Key extends keyof Data & string>(key: Key): Data[Key] | undefined
  /** The value of `key`, or `defaultValue` when the example does not hold it. */
  get<Key extends keyof Data & string, Default>(key: Key, defaultValue: Default): Data[Key] | Default
  get(key: string, defaultValue?: unknown): unknown
  get(key: string, defaultValue?: unknown): unknown {
    return this.#store.has(key) ? this.#store.get(key) : defaultValue
  }

  /** Sets (or adds) a field, as `example[key] = value` does in DSPy. Returns the example. */
  set(key: string, value: unknown): this {
    if (!this.#store.has(key) && !(key in this)) {
      Object.defineProperty(this, key, fieldAccessor(key))
    }
    this.#store.set(key, value)
    return this
  }

  /** True when the example holds `key` (`dspy_*` keys included), as Python's `in`. */
  has(key: string): boolean {
    return this.#store.has(key)
  }

  /**
   * Removes a field, as `del example[key]` does in DSPy.
   *
   * @throws {ExampleError} (`example-missing-key`) when the example does not hold `key`.
   */
  delete(key: string): void {
    if (!this.#store.delete(key)) {
      throw new ExampleError({ message: `The example has no field '${key}' to remove.`, code: 'example-missing-key', key })
    }
    const own = Object.getOwnPropertyDescriptor(this, key)
    if (own?.get !== undefined) Reflect.deleteProperty(this, key)
  }

  /** The field names, without `dspy_*` ones unless `includeDspy`. @see dspy.Example.keys */
  keys(includeDspy = false): string[] {
    return [...this.#store.keys()].filter((key) => includeDspy || !key.startsWith('dspy_'))
  }

  /** The field values, without those of `dspy_*` keys unless `includeDspy`. @see dspy.Example.values */
  values(includeDspy = false): unknown[] {
    return this.items(includeDspy).map(([, value]) => value)
  }

  /** The `[name, value]` pairs, without `dspy_*` keys unless `includeDspy`. @see dspy.Example.items */
  items(includeDspy = false): [string, unknown][] {
    const pairs: [string, unknown][] = []
    for (const [key, value] of this.#store) if (includeDspy || !key.startsWith('dspy_')) pairs.push([key, value])
    return pairs
  }

  /** Every field name, `dspy_*` ones included (Python's `iter(example)`). */
  [Symbol.iterator](): IterableIterator<string> {
    return this.#store.keys()
  }

  /**
   * A copy whose fields named in `keys` are its inputs; the others are labels.
   *
   * @example
   * ```ts
   * const example = new Example({ question: 'What is 2+2?', answer: '4' }).withInputs('question')
   * example.inputs().toDict() // { question: 'What is 2+2?' }
   * ```
   * @see dspy.Example.with_inputs
   */
  withInputs<Key extends string>(...keys: Key[]): Example<Data, Key> {
    const copied = this.copy() as unknown as ExampleRecord<Data, Key>
    copied.#inputKeys = new Set(keys)
    return copied as Example<Data, Key>
  }

  /**
   * A new example holding only the input fields, with the same input keys.
   *
   * @throws {ExampleError} (`example-inputs-not-set`) when {@link ExampleRecord.withInputs} was never called.
   * @see dspy.Example.inputs
   */
  inputs(): Example<Pick<Data, InputKey & keyof Data>, InputKey> {
    const inputKeys = this.#inputKeys
    if (inputKeys === undefined) {
      throw new ExampleError({
        message: 'Inputs have not been set for this example. Use `example.withInputs()` to set them.',
        code: 'example-inputs-not-set',
      })
    }
    const selected = new Map([...this.#store].filter(([key]) => inputKeys.has(key)))
    const result = new (this.constructor as AnyExampleConstructor)(selected) as ExampleRecord<Record<string, unknown>, string>
    result.#inputKeys = inputKeys
    return result as unknown as Example<Pick<Data, InputKey & keyof Data>, InputKey>
  }

  /**
   * A new example holding the fields that are not inputs (and no input keys).
   *
   * @throws {ExampleError} (`example-inputs-not-set`) when {@link ExampleRecord.withInputs} was never called.
   * @see dspy.Example.labels
   */
  labels(): Example<Omit<Data, InputKey>> {
    const inputKeys = new Set<string>(this.inputs().keys())
    const selected = new Map([...this.#store].filter(([key]) => !inputKeys.has(key)))
    return new (this.constructor as AnyExampleConstructor)(selected) as unknown as Example<Omit<Data, InputKey>>
  }

  /**
   * A shallow copy with `overrides` applied. As in DSPy, the copy has no input keys: call
   * `withInputs` again, or use {@link ExampleRecord.deepcopy} to keep them.
   *
   * @see dspy.Example.copy
   */
  copy(): Example<Data>
  copy<Extra extends object>(overrides: Extra): Example<MergeData<Data, Extra>>
  copy(overrides?: object): Example<Data> {
    return new (this.constructor as AnyExampleConstructor)(this, overrides) as unknown as Example<Data>
  }

  /**
   * A copy without the fields `keys` (and, as {@link ExampleRecord.copy}, without input keys).
   *
   * @throws {ExampleError} (`example-missing-key`) when one of `keys` is not held.
   * @see dspy.Example.without
   */
  without<Key extends keyof Data & string>(...keys: Key[]): Example<Omit<Data, Key>> {
    const copied = this.copy()
    for (const key of keys) copied.delete(key)
    return copied as unknown as Example<Omit<Data, Key>>
  }

  /**
   * A deep copy that keeps everything, input keys included (Python's `copy.deepcopy`); field values
   * are copied as {@link Module.deepcopy} copies attributes.
   */
  deepcopy(): this {
    const copied = new (this.constructor as AnyExampleConstructor)()
    for (const [key, value] of this.#store) copied.set(key, structuralCopy(value))
    copied.#inputKeys = this.#inputKeys
    return copied as unknown as this
  }

  /**
   * The fields as a plain object, `dspy_*` keys included, converted for JSON: values with a
   * `toDict()` (examples) or `toJSON()` method (DSPex special types, dates) are replaced by its
   * result, and arrays and plain objects are walked.
   *
   * @see dspy.Example.toDict
   */
  toDict(): { [Key in keyof Data]: DictValue<Data[Key]> } {
    const result: Record<string, unknown> = {}
    for (const [key, value] of this.#store) {
      Object.defineProperty(result, key, { value: toDictValue(value), writable: true, enumerable: true, configurable: true })
    }
    return result as { [Key in keyof Data]: DictValue<Data[Key]> }
  }

  /** The same as {@link ExampleRecord.toDict}, so `JSON.stringify(example)` writes the fields. */
  toJSON(): { [Key in keyof Data]: DictValue<Data[Key]> } {
    return this.toDict()
  }

  /** DSPy's `==`: true when `other` is an example holding equal fields (input keys are not compared). */
  equals(other: unknown): boolean {
    if (!isExample(other)) return false
    const theirs = new Map(other.items(true))
    if (theirs.size !== this.#store.size) return false
    for (const [key, value] of this.#store) {
      if (!theirs.has(key) || !pythonEquals(value, theirs.get(key))) return false
    }
    return true
  }

  /** DSPy's `repr`: `Example({'question': 'Why?'}) (input_keys={'question'})`, without `dspy_*` fields. */
  toString(): string {
    const keys = this.#inputKeys
    const inputKeys = keys === undefined ? 'None' : keys.size === 0 ? 'set()' : `{${[...keys].map(pythonStringRepr).join(', ')}}`
    return `Example(${pythonDictRepr(this.items())}) (input_keys=${inputKeys})`
  }

  /** Python's `repr()`, used when the example is nested in another value's repr. */
  repr(): string {
    return this.toString()
  }

  /** Shows the repr in Node's `util.inspect` and the REPL. */
  [inspect](): string {
    return this.toString()
  }
}

Object.defineProperty(ExampleRecord.prototype, exampleMarker, { value: true })

/**
 * A DSPy example (see the {@link Example} type).
 *
 * @example
 * ```ts
 * const example = new Example({ question: 'Why?', answer: 'Because.' }).withInputs('question')
 * example.question // 'Why?'
 * example.labels().toDict() // { answer: 'Because.' }
 * ```
 * @see dspy.Example
 */
export const Example: ExampleConstructor = ExampleRecord as ExampleConstructor

/** Python's repr of a dict given as `[key, value]` pairs. */
export function pythonDictRepr(pairs: readonly (readonly [string, unknown])[]): string {
  return `{${pairs.map(([key, value]) => `${pythonStringRepr(key)}: ${pythonValueRepr(value)}`).join(', ')}}`
}

function toDictValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const convertible = value as { toDict?: () => unknown; toJSON?: () => unknown }
  if (typeof convertible.toDict === 'function') return convertible.toDict()
  if (!Array.isArray(value) && typeof convertible.toJSON === 'function') return convertible.toJSON()
  if (Array.isArray(value)) return value.map(toDictValue)
  if (isPlainObject(value)) {
    const result: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(result, key, { value: toDictValue(item), writable: true, enumerable: true, configurable: true })
    }
    return result
  }
  return value
}

const fieldAccessors = new Map<string, PropertyDescriptor>()

/**
 * The property descriptor that exposes field `key` of any example: shared by every example, so
 * making an example allocates no functions per field.
 */
function fieldAccessor(key: string): PropertyDescriptor {
  let descriptor = fieldAccessors.get(key)
  if (descriptor === undefined) {
    descriptor = {
      get(this: ExampleRecord) {
        return this.get(key)
      },
      set(this: ExampleRecord, next: unknown) {
        this.set(key, next)
      },
      enumerable: true,
      configurable: true,
    }
    if (fieldAccessors.size < 10_000) fieldAccessors.set(key, descriptor)
  }
  return descriptor
}
