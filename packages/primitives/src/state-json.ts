import { StateSaveError } from './errors/state-save-error.js'
import { isPlainObject } from './plain-object.js'

/**
 * The `metadata.dependency_versions` DSPex writes into saved files: those of the DSPy release whose
 * format it writes, so DSPy 3.3.1 loads our files without a version warning.
 *
 * @see dspy.utils.saving.get_dependency_versions
 */
export const dependencyVersions: Readonly<Record<'python' | 'dspy' | 'cloudpickle', string>> = Object.freeze({
  python: '3.11',
  dspy: '3.3.1',
  cloudpickle: '3.1',
})

/**
 * Saved state as DSPy writes it (`orjson.dumps(state, option=OPT_INDENT_2 | OPT_APPEND_NEWLINE)`):
 * two-space indent, `"key": value`, `[]` and `{}` for empty containers, non-ASCII as UTF-8, keys in
 * object order, and a trailing newline. Numbers: integral ones as integers (JavaScript cannot
 * tell `1.0` from `1`), others as orjson prints floats (`0.3`, `0.00001`, `1e-7`); `NaN` and the
 * infinities as `null`. `toJSON()` is honoured; `undefined` properties are left out and
 * `undefined` array items written as `null`, as `JSON.stringify` does.
 *
 * @throws {StateSaveError} (`state-not-serializable`) for a function, a symbol, a class instance
 * without `toJSON`, a Set, a cycle or a string with a lone surrogate, naming where it is.
 */
export function formatStateJSON(state: unknown): string {
  return `${formatValue(state, '', new Set(), '')}\n`
}

const loneSurrogate = /\p{Cs}/u

function formatValue(value: unknown, indent: string, ancestors: Set<object>, path: string): string {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      return formatNumber(value)
    case 'bigint':
      return value.toString()
    case 'string':
      if (loneSurrogate.test(value)) throw unserializable(path, 'a string with a lone surrogate (not valid UTF-8)')
      return JSON.stringify(value)
    case 'object':
      break
    default:
      throw unserializable(path, `a ${typeof value}`)
  }
  const object = value as object
  if (ancestors.has(object)) throw unserializable(path, 'a reference cycle')
  const withJSON = object as { toJSON?: () => unknown }
  if (!Array.isArray(object) && typeof withJSON.toJSON === 'function') {
    ancestors.add(object)
    const text = formatValue(withJSON.toJSON(), indent, ancestors, path)
    ancestors.delete(object)
    return text
  }
  let entries: [string | undefined, unknown][]
  if (Array.isArray(object)) entries = object.map((item) => [undefined, item])
  else if (object instanceof Map) entries = [...object].map(([key, item]) => [String(key), item])
  else if (isPlainObject(object)) entries = Object.entries(object).filter(([, item]) => item !== undefined)
  else throw unserializable(path, `an instance of ${object.constructor?.name ?? 'an unknown class'} without toJSON()`)
  const [open, close] = Array.isArray(object) ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) return open + close
  ancestors.add(object)
  const inner = `${indent}  `
  const lines = entries.map(([key, item], index) => {
    const childPath = key === undefined ? `${path}[${index}]` : path === '' ? key : `${path}.${key}`
    const text = formatValue(item, inner, ancestors, childPath)
    return key === undefined ? `${inner}${text}` : `${inner}${JSON.stringify(key)}: ${text}`
  })
  ancestors.delete(object)
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`
}

/** A number as orjson writes it: integers in full, floats with the shortest round-trip digits in ryu's layout. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null'
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value === 0 ? 0 : value) : BigInt(value).toString()
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const digits = mantissa.replace('-', '').replace('.', '')
  const point = Number(exponentText) + 1
  const sign = value < 0 ? '-' : ''
  if (point > 0 && point <= 16) {
    const whole = digits.slice(0, point).padEnd(point, '0')
    const fraction = digits.slice(point)
    return `${sign}${whole}.${fraction === '' ? '0' : fraction}`
  }
  if (point <= 0 && point > -5) return `${sign}0.${'0'.repeat(-point)}${digits}`
  const rest = digits.slice(1)
  return `${sign}${digits[0]}${rest === '' ? '' : `.${rest}`}e${point - 1}`
}

function unserializable(path: string, what: string): StateSaveError {
  return new StateSaveError({
    message: `The state holds ${what}${path === '' ? '' : ` at ${path}`}, which cannot be written as JSON.`,
    code: 'state-not-serializable',
    path,
  })
}
