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
 * @throws {TypeError} when the value holds something JSON cannot express (a function, a symbol, a bigint).
 */
export function pythonJSONDumps(value: unknown, options: PythonJSONDumpsOptions = {}): string {
  return dump(value, options, '', 0)
}

function dump(value: unknown, options: PythonJSONDumpsOptions, pointer: string, depth: number): string {
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return dumpNumber(value, options.floatPaths?.has(pointer) === true)
  if (typeof value === 'object') {
    const withJSON = value as { toJSON?: () => unknown }
    if (typeof withJSON.toJSON === 'function' && !Array.isArray(value)) {
      return dump(withJSON.toJSON(), options, pointer, depth)
    }
    const entries: [string | undefined, unknown][] = Array.isArray(value)
      ? value.map((item) => [undefined, item])
      : Object.entries(value).filter(([, item]) => item !== undefined)
    const open = Array.isArray(value) ? '[' : '{'
    const close = Array.isArray(value) ? ']' : '}'
    if (entries.length === 0) return open + close
    const parts = entries.map(([key, item], index) => {
      const childPointer = `${pointer}/${key ?? index}`
      const rendered = dump(item, options, childPointer, depth + 1)
      return key === undefined ? rendered : `${JSON.stringify(key)}: ${rendered}`
    })
    if (options.indent === undefined) return open + parts.join(', ') + close
    const inner = ' '.repeat(options.indent * (depth + 1))
    const outer = ' '.repeat(options.indent * depth)
    return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`
  }
  throw new TypeError(`Object of type ${typeof value} is not JSON serializable`)
}

function dumpNumber(value: number, asFloat: boolean): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Number.POSITIVE_INFINITY) return 'Infinity'
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity'
  if (Number.isInteger(value) && !asFloat) return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString()
  return pythonFloatRepr(value)
}
