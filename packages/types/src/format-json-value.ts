import type { TSchema } from 'typebox'
import { describeType } from './describe-type.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { maxNestingDepth, tooDeepToWrite } from './nesting-depth.js'
import { pythonJSONDumps } from './python-json-dumps.js'
import { selectUnionOption } from './select-union-option.js'
import type { ModelNode, TypeNode } from './type-node.js'

/** A value JSON can hold, as pydantic's `dump_python(..., mode="json")` leaves it. */
export type JSONableValue = null | boolean | number | string | JSONableValue[] | { [key: string]: JSONableValue }

/**
 * A value made JSON-able by {@link serializeForJSON}, with the JSON pointers (`''` for the value
 * itself, `/key/0` below it) of the integral numbers that Python holds as floats and prints as `1.0`.
 * Pass both to `pythonJSONDumps(value, { floatPaths })`.
 */
export interface SerializedJSON {
  readonly value: JSONableValue
  readonly floatPaths: ReadonlySet<string>
}

/**
 * How pydantic serialises a value at this point:
 * - `root`: the value handed to `TypeAdapter(type(value))`; a scalar keeps `nan`/`inf`, a list or
 *   dict is an unparameterised `list`/`dict`, so its contents are serialised as `Any`;
 * - `typed`: under a declared type (a model field); non-finite floats are kept;
 * - `inferred`: under `Any`; non-finite floats become `None`.
 */
type Mode = 'root' | 'typed' | 'inferred'

type Serializer = (value: unknown, pointer: string, mode: Mode, floats: Set<string>) => JSONableValue

const anyNode: TypeNode = { kind: 'any' }
const serializers = new WeakMap<TypeNode, Serializer>()

/**
 * DSPy's `serialize_for_json`: turns a field value into the JSON-able form pydantic's
 * `TypeAdapter(type(value)).dump_python(value, mode="json")` gives. Models list their fields in
 * declaration order with defaults filled in, enums are their values, special-type objects go
 * through their `toJSON`, `Set`s become lists and `Map`s dicts. The field type tells which
 * integral numbers are floats (returned in `floatPaths`). As in pydantic, `NaN` and infinities stay
 * under a declared float type and become `null` inside a plain list or dict or under `Any`.
 *
 * The work that depends on the type is done once per schema and cached.
 *
 * @throws {ValueSerializationError} when the value holds a function, a symbol or a bigint beyond 2^53 (code
 *   `value-serialization-unsupported`), or nests more than 1,000 levels deep or contains itself (code
 *   `value-serialization-too-deep`), where pydantic and Python's `json` stop with a `RecursionError`.
 * @example
 * ```ts
 * serializeForJSON([1, 2], t.list(t.number())) // { value: [1, 2], floatPaths: Set { '/0', '/1' } }
 * ```
 * @see dspy.adapters.utils.serialize_for_json
 */
export function serializeForJSON(value: unknown, schema: TSchema): SerializedJSON {
  return serializeTypedValue(value, describeType(schema))
}

/**
 * {@link serializeForJSON} for an already described type.
 *
 * @internal
 */
export function serializeTypedValue(value: unknown, node: TypeNode): SerializedJSON {
  const floatPaths = new Set<string>()
  const serialized = serializerFor(node)(value, '', 'root', floatPaths)
  return { value: serialized, floatPaths }
}

/**
 * What DSPy's JSONAdapter writes for an assistant turn: `json.dumps(serialize_for_json(record),
 * indent=2, ensure_ascii=False)`. Keys keep the record's order; each value is serialised with the
 * schema of its key (a key without one is serialised as `Any`); an `undefined` value is `null`.
 *
 * @throws {ValueSerializationError} when a value holds a function, a symbol or a bigint beyond 2^53, or nests
 *   more than 1,000 levels deep.
 * @example
 * ```ts
 * formatJSONObject({ answer: 'Paris', score: 1 }, { answer: t.string(), score: t.number() })
 * // '{\n  "answer": "Paris",\n  "score": 1.0\n}'
 * ```
 * @see dspy.adapters.json_adapter.JSONAdapter.format_field_with_value
 */
export function formatJSONObject(
  record: Readonly<Record<string, unknown>>,
  schemasByKey: Readonly<Record<string, TSchema | undefined>>,
  indent = 2,
): string {
  const floatPaths = new Set<string>()
  const out: Record<string, JSONableValue> = {}
  for (const [key, value] of Object.entries(record)) {
    const schema = Object.hasOwn(schemasByKey, key) ? schemasByKey[key] : undefined
    const node = schema === undefined ? anyNode : describeType(schema)
    out[key] = serializerFor(node)(value, `/${key}`, 'inferred', floatPaths)
  }
  return pythonJSONDumps(out, { indent, floatPaths })
}

function serializerFor(node: TypeNode): Serializer {
  let serializer = serializers.get(node)
  if (serializer === undefined) {
    serializer = withJSONUnwrapped(compile(node))
    serializers.set(node, serializer)
  }
  return serializer
}

/** A child serializer looked up on first use, so recursive types compile. */
function lazySerializer(node: TypeNode): Serializer {
  let resolved: Serializer | undefined
  return (value, pointer, mode, floats) => {
    resolved ??= serializerFor(node)
    return resolved(value, pointer, mode, floats)
  }
}

function withJSONUnwrapped(serializer: Serializer): Serializer {
  return (value, pointer, mode, floats) => serializer(unwrapJSON(value), pointer, mode, floats)
}

/** Objects that say how they serialise (`Date`, DSPex special types) are replaced by their `toJSON()`. */
function unwrapJSON(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const withJSON = value as { toJSON?: unknown }
  return typeof withJSON.toJSON === 'function' ? (withJSON.toJSON as () => unknown).call(value) : value
}

/** How many containers the serialisation running now is inside. */
let openContainers = 0

/** Runs `write` (which serialises the children of the container at `pointer`) one level deeper, refusing to pass {@link maxNestingDepth}. */
function within<Result>(pointer: string, write: () => Result): Result {
  if (openContainers >= maxNestingDepth) throw tooDeepToWrite(pointer)
  openContainers += 1
  try {
    return write()
  } finally {
    openContainers -= 1
  }
}

function childMode(mode: Mode): Mode {
  return mode === 'root' ? 'inferred' : mode
}

function compile(node: TypeNode): Serializer {
  switch (node.kind) {
    case 'float':
      return (value, pointer, mode, floats) => {
        if (typeof value !== 'number') return serializeInferred(value, pointer, mode, floats)
        if (Number.isFinite(value)) {
          if (Number.isInteger(value)) floats.add(pointer)
          return value
        }
        return mode === 'inferred' ? null : value
      }
    case 'any':
      return (value, pointer, mode, floats) => serializeInferred(value, pointer, mode === 'root' ? 'root' : 'inferred', floats)
    case 'list': {
      const item = lazySerializer(node.items)
      return (value, pointer, mode, floats) => {
        const items = value instanceof Set ? [...value] : value
        if (!Array.isArray(items)) return serializeInferred(value, pointer, mode, floats)
        const inner = childMode(mode)
        return within(pointer, () => items.map((entry, index) => item(entry, `${pointer}/${index}`, inner, floats)))
      }
    }
    case 'tuple': {
      const items = node.items.map(lazySerializer)
      return (value, pointer, mode, floats) => {
        if (!Array.isArray(value)) return serializeInferred(value, pointer, mode, floats)
        const inner = childMode(mode)
        return within(pointer, () =>
          value.map((entry: unknown, index) => {
            const serializer = items[index]
            const childPointer = `${pointer}/${index}`
            return serializer === undefined
              ? serializeInferred(entry, childPointer, 'inferred', floats)
              : serializer(entry, childPointer, inner, floats)
          }),
        )
      }
    }
    case 'dict': {
      const values = lazySerializer(node.values)
      return (value, pointer, mode, floats) => {
        const record = value instanceof Map ? Object.fromEntries(value) : value
        if (!isRecord(record)) return serializeInferred(value, pointer, mode, floats)
        const inner = childMode(mode)
        return within(pointer, () => {
          const out: Record<string, JSONableValue> = {}
          for (const [key, entry] of Object.entries(record)) {
            if (entry !== undefined) out[key] = values(entry, `${pointer}/${key}`, inner, floats)
          }
          return out
        })
      }
    }
    case 'model':
      return compileModel(node)
    case 'union': {
      const options = node.options.map((option) => ({ option, serializer: lazySerializer(option) }))
      return (value, pointer, mode, floats) => {
        const chosen = selectUnionOption(node.options, value)
        const match = options.find((candidate) => candidate.option === chosen)
        return match === undefined ? serializeInferred(value, pointer, mode, floats) : match.serializer(value, pointer, mode, floats)
      }
    }
    case 'special':
      // History is a model whose messages are `list[dict[str, Any]]`; the other special types
      // have been turned into their JSON form by `toJSON` already.
      return (value, pointer, _mode, floats) => serializeInferred(value, pointer, 'inferred', floats)
    case 'str':
    case 'int':
    case 'bool':
    case 'none':
    case 'literal':
    case 'enum':
      return serializeInferred
  }
}

interface CompiledModelField {
  readonly name: string
  readonly serializer: Serializer
  readonly hasDefault: boolean
  readonly defaultValue: unknown
}

/**
 * A model dumps every declared field in declaration order (pydantic's `model_dump`), a missing
 * field taking its default; keys it does not declare follow, as pydantic's `extra="allow"` would.
 */
function compileModel(node: ModelNode): Serializer {
  const fields: CompiledModelField[] = node.fields.map((field) => ({
    name: field.name,
    serializer: lazySerializer(field.type),
    hasDefault: field.hasDefault,
    defaultValue: field.defaultValue,
  }))
  const declared = new Set(node.fields.map((field) => field.name))
  return (value, pointer, mode, floats) => {
    if (!isRecord(value)) return serializeInferred(value, pointer, mode, floats)
    return within(pointer, () => {
      const out: Record<string, JSONableValue> = {}
      for (const field of fields) {
        const present = value[field.name] !== undefined
        if (!present && !field.hasDefault) continue
        const fieldValue = present ? value[field.name] : field.defaultValue
        out[field.name] = field.serializer(fieldValue, `${pointer}/${field.name}`, 'typed', floats)
      }
      for (const [key, entry] of Object.entries(value)) {
        if (!declared.has(key) && entry !== undefined) {
          out[key] = serializeInferred(entry, `${pointer}/${key}`, 'inferred', floats)
        }
      }
      return out
    })
  }
}

/** Serialises a value by its own JavaScript type, as pydantic does for `Any`. */
function serializeInferred(value: unknown, pointer: string, mode: Mode, floats: Set<string>): JSONableValue {
  const unwrapped = unwrapJSON(value)
  if (unwrapped === null || unwrapped === undefined) return null
  switch (typeof unwrapped) {
    case 'string':
    case 'boolean':
      return unwrapped
    case 'number':
      return Number.isFinite(unwrapped) || mode !== 'inferred' ? unwrapped : null
    case 'bigint':
      if (unwrapped >= BigInt(Number.MIN_SAFE_INTEGER) && unwrapped <= BigInt(Number.MAX_SAFE_INTEGER)) {
        return Number(unwrapped)
      }
      throw new ValueSerializationError({
        message: `Cannot serialise the bigint ${unwrapped} at ${pointer || '/'} without losing digits.`,
        code: 'value-serialization-unsupported',
        path: pointer,
      })
    case 'object': {
      const inner = childMode(mode)
      if (Array.isArray(unwrapped) || unwrapped instanceof Set) {
        const items: unknown[] = [...unwrapped]
        return within(pointer, () => items.map((item: unknown, index) => serializeInferred(item, `${pointer}/${index}`, inner, floats)))
      }
      const record = unwrapped instanceof Map ? Object.fromEntries(unwrapped) : (unwrapped as Record<string, unknown>)
      return within(pointer, () => {
        const out: Record<string, JSONableValue> = {}
        for (const [key, item] of Object.entries(record)) {
          if (item !== undefined) out[key] = serializeInferred(item, `${pointer}/${key}`, inner, floats)
        }
        return out
      })
    }
    default:
      throw new ValueSerializationError({
        message: `Cannot serialise a ${typeof unwrapped} at ${pointer || '/'} as JSON.`,
        code: 'value-serialization-unsupported',
        path: pointer,
      })
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)
}
