import type { TSchema } from 'typebox'
import { describeType } from './describe-type.js'
import { serializeTypedValue } from './format-json-value.js'
import { pythonJSONDumps } from './python-json-dumps.js'
import { pythonStr } from './python-str.js'
import type { TypeNode } from './type-node.js'

type FieldValueFormatter = (value: unknown) => string

const formatters = new WeakMap<TypeNode, FieldValueFormatter>()
const floatNode: TypeNode = { kind: 'float' }

/**
 * How DSPy writes a field's value into a prompt (`format_field_value`):
 * - a list given to a field typed exactly `str` becomes a list of «»-quoted blobs: `N/A` when
 *   empty, `«item»` for one item, `[1] «a»` lines for several; an item holding a newline, `«` or
 *   `»` is written as `«««` + newline, the item indented four spaces, newline + `»»»`;
 * - otherwise the value is serialised as pydantic would (see {@link serializeForJSON}); a list or
 *   object is then written with Python's `json.dumps(..., ensure_ascii=False)` (`["a", "b"]`,
 *   `{"name": "A", "age": 1}`), anything else with Python's `str()` (strings unquoted, `True`,
 *   `None`, `0.5`, `1e-05`, an enum as its value).
 *
 * The field type tells which integral numbers Python holds as floats: `1` in a `float` field is
 * written `1.0`, also inside lists, dicts and models. The per-type work is cached.
 *
 * @throws {ValueSerializationError} when the value holds a function, a symbol or a bigint beyond 2^53 (code
 *   `value-serialization-unsupported`), or nests more than 1,000 levels deep or contains itself (code
 *   `value-serialization-too-deep`): DSPy's own `json.dumps` and `repr` stop there with a `RecursionError`.
 * @example
 * ```ts
 * formatFieldValue(['c1', 'c2'], t.list(t.string())) // '["c1", "c2"]'
 * formatFieldValue(['one', 'two\nlines'], t.string()) // '[1] «one»\n[2] «««\n    two\n    lines\n»»»'
 * formatFieldValue(1, t.number()) // '1.0'
 * ```
 * @see dspy.adapters.utils.format_field_value
 */
export function formatFieldValue(value: unknown, schema: TSchema): string {
  return formatterFor(describeType(schema))(value)
}

function formatterFor(node: TypeNode): FieldValueFormatter {
  let formatter = formatters.get(node)
  if (formatter === undefined) {
    formatter = compileFormatter(node)
    formatters.set(node, formatter)
  }
  return formatter
}

function compileFormatter(node: TypeNode): FieldValueFormatter {
  const general = (value: unknown): string => {
    const { value: jsonable, floatPaths } = serializeTypedValue(value, node)
    if (typeof jsonable === 'object' && jsonable !== null) return pythonJSONDumps(jsonable, { floatPaths })
    return pythonStr(jsonable, floatPaths.has('') ? floatNode : undefined)
  }
  if (node.kind !== 'str') return general
  return (value) => (Array.isArray(value) ? formatBlobList(value) : general(value))
}

/** The numbered «» list DSPy writes when a `str` field is given a list. */
function formatBlobList(items: readonly unknown[]): string {
  if (items.length === 0) return 'N/A'
  if (items.length === 1) return formatBlob(items[0])
  return items.map((item, index) => `[${index + 1}] ${formatBlob(item)}`).join('\n')
}

/**
 * One blob: `«text»`, or a fenced block when the text could be mistaken for the list's own
 * markup. A non-string item is written as Python's `str()` of it (DSPy itself fails on numbers,
 * booleans and `None` here).
 */
function formatBlob(item: unknown): string {
  const text = pythonStr(item)
  if (!text.includes('\n') && !text.includes('«') && !text.includes('»')) return `«${text}»`
  return `«««\n    ${text.replaceAll('\n', '\n    ')}\n»»»`
}
