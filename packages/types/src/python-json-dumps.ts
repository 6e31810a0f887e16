import { ValueSerializationError } from './errors/value-serialization-error.js'
import { maxNestingDepth, tooDeepToWrite } from './nesting-depth.js'
import { pythonFloatRepr } from './python-repr.js'

/** Options of {@link pythonJSONDumps}, mirroring Python's `json.dumps`. */
export interface PythonJSONDumpsOptions {
  /** `indent=N`: one item per line, nested `N` spaces deeper per level. */
  readonly indent?: number
  /** Numbers that are integral but must print as Python floats (`1.0`), by identity of their parent and key. */
  readonly floatPaths?: ReadonlySet<string>
}

/**
 * Python's `json.dumps(value, ensure_ascii=False)`: `", "` and `": "` separators (`","` and `": "`
 * with `indent`), non-ASCII kept, `NaN`/`Infinity` for non-finite numbers, floats as Python prints
 * them. Integral numbers print as ints (JavaScript cannot tell `1` from `1.0`) unless their JSON
 * pointer is in `floatPaths`.
 *
 * @throws {ValueSerializationError} when the value holds something JSON cannot express (a function, a symbol, a
 *   bigint; code `value-serialization-unsupported`), or nests more than 1,000 levels deep or contains itself
 *   (code `value-serialization-too-deep`), where Python's `json.dumps` stops with a `RecursionError`.
 */
export function pythonJSONDumps(value: unknown, options: PythonJSONDumpsOptions = {}): string {
  // Without float paths no pointer is looked up, so none is built.
  const floatPaths = options.floatPaths !== undefined && options.floatPaths.size > 0 ? options.floatPaths : undefined
  return dump(value, { indent: options.indent, floatPaths }, '', 0, 0)
}

interface DumpSettings {
  readonly indent: number | undefined
  readonly floatPaths: ReadonlySet<string> | undefined
}

/** `depth` is the indentation level; `nesting` also counts the `toJSON()` results passed through, so neither can recurse forever. */
function dump(value: unknown, settings: DumpSettings, pointer: string, depth: number, nesting: number): string {
  const { indent, floatPaths } = settings
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return dumpNumber(value, floatPaths?.has(pointer) === true)
  if (typeof value === 'object') {
    if (nesting >= maxNestingDepth) throw tooDeepToWrite(pointer)
    const withJSON = value as { toJSON?: () => unknown }
    if (typeof withJSON.toJSON === 'function' && !Array.isArray(value)) {
      return dump(withJSON.toJSON(), settings, pointer, depth, nesting + 1)
    }
    const entries: [string | undefined, unknown][] = Array.isArray(value)
      ? value.map((item) => [undefined, item])
      : Object.entries(value).filter(([, item]) => item !== undefined)
    const open = Array.isArray(value) ? '[' : '{'
    const close = Array.isArray(value) ? ']' : '}'
    if (entries.length === 0) return open + close
    const parts = entries.map(([key, item], index) => {
      const childPointer = floatPaths === undefined ? pointer : `${pointer}/${key ?? index}`
      const rendered = dump(item, settings, childPointer, depth + 1, nesting + 1)
      return key === undefined ? rendered : `${JSON.stringify(key)}: ${rendered}`
    })
    if (indent === undefined) return open + parts.join(', ') + close
    const inner = ' '.repeat(indent * (depth + 1))
    const outer = ' '.repeat(indent * depth)
    return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`
  }
  throw new ValueSerializationError({
    message: `Object of type ${typeof value} is not JSON serializable`,
    code: 'value-serialization-unsupported',
    path: pointer,
  })
}

function dumpNumber(value: number, asFloat: boolean): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return 'Infinity'
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity'
  if (Number.isInteger(value) && !asFloat) return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString()
  return pythonFloatRepr(value)
}
