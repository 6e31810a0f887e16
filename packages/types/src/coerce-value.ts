import { describeReceivedValue } from './describe-received-value.js'
import { ValueValidationError, type ValueValidationIssue } from './errors/value-validation-error.js'
import { maxNestingDepth } from './nesting-depth.js'
import { parseFloatText, parseIntText } from './python-number-text.js'
import { typeNodeName } from './python-type-name.js'
import type { DictNode, LiteralValue, ModelNode, SpecialNode, TypeNode, UnionNode } from './type-node.js'

/** `strict` accepts only values of the right JS type; `lax` also converts (`"3"` to 3 for an int). */
type Mode = 'strict' | 'lax'

/** How well a value matched a union option: pydantic's "exactness", best first. */
type Exactness = 0 | 1 | 2

/** How many issues a coercion lists; past that they are only counted (a hostile reply can hold millions). */
const maxListedIssues = 1000

/** The issues found so far: the first {@link maxListedIssues} of them, and how many more. */
class Issues {
  readonly listed: ValueValidationIssue[] = []
  omitted = 0

  /** How many issues were found, listed or not. */
  get count(): number {
    return this.listed.length + this.omitted
  }

  /** Adds the issue `describe` gives, or only counts it once enough are listed (so it is not built). */
  add(describe: () => ValueValidationIssue): void {
    if (this.listed.length < maxListedIssues) this.listed.push(describe())
    else this.omitted += 1
  }
}

/** Returned by a conversion when the value as a whole does not fit (nested issues are pushed directly). */
const failed: unique symbol = Symbol('failed')

const textSpecialTypes: ReadonlySet<string> = new Set(['Code', 'Reasoning'])

const booleanTexts: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  on: true,
  off: false,
  '1': true,
  '0': false,
  t: true,
  f: false,
  y: true,
  n: false,
}

/**
 * Checks and converts a value to a type the way pydantic v2 does in lax mode
 * (`TypeAdapter(T).validate_python(value)`): `"3"`, `3.0` and `true` become ints, numeric strings
 * and `"inf"` floats, `"yes"`/`"off"`/`1` booleans; lists, tuples, sets and dicts are checked item
 * by item; models get their defaults and lose unknown keys; unions prefer an option the value
 * already is, then the first that can convert it. Strings are never made from numbers.
 *
 * Every problem is collected before throwing (the first 1,000 listed, the rest counted). `path` (a JSON pointer)
 * prefixes the issue paths. A value nested more than 1,000 levels deep (or containing itself) is an issue where
 * it goes past that depth.
 *
 * @throws {ValueValidationError} listing each issue with its path, the expected Python type and what was found.
 * @example
 * ```ts
 * coerceValue({ name: 'Ada', age: '36' }, describeType(Person)) // { name: 'Ada', age: 36, emails: [] }
 * ```
 * @see pydantic.TypeAdapter.validate_python
 */
export function coerceValue(value: unknown, node: TypeNode, path = ''): unknown {
  const issues = new Issues()
  const result = coerce(value, node, path, 'lax', issues)
  if (issues.count > 0) throw new ValueValidationError({ typeName: typeNodeName(node), issues: issues.listed, omittedIssues: issues.omitted })
  return result
}

/** How many containers the coercion running now is inside: a value nested deeper than {@link maxNestingDepth} is an issue, not a stack overflow. */
let openContainers = 0

function coerce(value: unknown, node: TypeNode, path: string, mode: Mode, issues: Issues): unknown {
  const container = typeof value === 'object' && value !== null
  if (container && openContainers >= maxNestingDepth) {
    issues.add(() => ({
      path,
      expected: typeNodeName(node),
      got: `a value nested more than ${maxNestingDepth} levels deep (or one that contains itself)`,
    }))
    return undefined
  }
  if (container) openContainers += 1
  try {
    const converted = convert(value, node, path, mode, issues)
    if (converted === failed) {
      issues.add(() => ({ path, expected: typeNodeName(node), got: describeReceivedValue(value) }))
      return undefined
    }
    return converted
  } finally {
    if (container) openContainers -= 1
  }
}

/** Converts `value`, pushing nested issues itself; returns `failed` when the value as a whole does not fit. */
function convert(value: unknown, node: TypeNode, path: string, mode: Mode, issues: Issues): unknown {
  switch (node.kind) {
    case 'any':
      return value
    case 'str':
      return typeof value === 'string' ? value : failed
    case 'int':
      return toInt(value, mode)
    case 'float':
      return toFloat(value, mode)
    case 'bool':
      return toBool(value, mode)
    case 'none':
      return value === null || value === undefined ? null : failed
    case 'literal':
      return matchValue(value, node.values, mode)
    case 'enum':
      return matchValue(
        value,
        node.members.map((member) => member.value),
        mode,
      )
    case 'list':
      return toList(value, node.items, node.unique, path, mode, issues)
    case 'tuple': {
      if (!Array.isArray(value) || value.length > node.items.length) return failed
      return node.items.map((item, index) =>
        index < value.length ? coerce(value[index], item, `${path}/${index}`, mode, issues) : missing(`${path}/${index}`, item, issues),
      )
    }
    case 'dict':
      return toDict(value, node, path, mode, issues)
    case 'union':
      return toUnion(value, node, path, issues)
    case 'model':
      return toModel(value, node, path, mode, issues)
    case 'special':
      return acceptSpecial(value, node)
  }
}

/**
 * Hook for DSPy's special types (Image, History, Code ...): their own validation lives elsewhere, so
 * a string or an object passes as it is. Arrays pass too (ToolCalls and Citations may be lists),
 * except for the text types Code and Reasoning.
 */
function acceptSpecial(value: unknown, node: SpecialNode): unknown {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return failed
  return Array.isArray(value) && textSpecialTypes.has(node.name) ? failed : value
}

function missing(path: string, node: TypeNode, issues: Issues): undefined {
  issues.add(() => ({ path, expected: typeNodeName(node), got: 'nothing (missing)' }))
  return undefined
}

function toInt(value: unknown, mode: Mode): number | typeof failed {
  if (typeof value === 'number') return Number.isFinite(value) && Number.isInteger(value) ? value : failed
  if (mode === 'strict') return failed
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string') return parseIntText(value) ?? failed
  return failed
}

function toFloat(value: unknown, mode: Mode): number | typeof failed {
  if (typeof value === 'number') return value
  if (mode === 'strict') return failed
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'string') return parseFloatText(value) ?? failed
  return failed
}

function toBool(value: unknown, mode: Mode): boolean | typeof failed {
  if (typeof value === 'boolean') return value
  if (mode === 'strict') return failed
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : failed
  if (typeof value === 'string') return booleanTexts[value.toLowerCase()] ?? failed
  return failed
}

/** Literal and enum matching: equal values only; lax mode lets `true` equal `1`, as Python does. */
function matchValue(value: unknown, allowed: readonly LiteralValue[], mode: Mode): LiteralValue | typeof failed {
  for (const candidate of allowed) {
    if (candidate === value) return candidate
  }
  if (mode === 'lax' && (typeof value === 'number' || typeof value === 'boolean')) {
    const numeric = Number(value)
    for (const candidate of allowed) {
      if ((typeof candidate === 'number' || typeof candidate === 'boolean') && Number(candidate) === numeric) {
        return candidate
      }
    }
  }
  return failed
}

function toList(value: unknown, items: TypeNode, unique: boolean, path: string, mode: Mode, issues: Issues): unknown[] | typeof failed {
  const source = Array.isArray(value) ? value : mode === 'lax' && value instanceof Set ? [...value] : undefined
  if (source === undefined) return failed
  const result = source.map((item, index) => coerce(item, items, `${path}/${index}`, mode, issues))
  if (!unique) return result
  const seen = new Set<string>()
  return result.filter((item) => {
    const key = typeof item === 'boolean' ? `number:${Number(item)}` : `${typeof item}:${JSON.stringify(item)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Set)
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

function pointer(path: string, key: string): string {
  return `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`
}

function toDict(value: unknown, node: DictNode, path: string, mode: Mode, issues: Issues): Record<string, unknown> | typeof failed {
  if (!isPlainRecord(value)) return failed
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const itemPath = pointer(path, key)
    const keyIssues = new Issues()
    // Object keys are always strings, so keys are read leniently (`"1"` for an int key).
    const convertedKey = node.keys.kind === 'str' ? key : coerce(key, node.keys, itemPath, 'lax', keyIssues)
    for (const issue of keyIssues.listed) issues.add(() => ({ ...issue, expected: `${issue.expected} (as a dict key)` }))
    issues.omitted += keyIssues.omitted
    const convertedItem = coerce(item, node.values, itemPath, mode, issues)
    if (keyIssues.count === 0) setOwn(result, String(convertedKey), convertedItem)
  }
  return result
}

function toModel(value: unknown, node: ModelNode, path: string, mode: Mode, issues: Issues): Record<string, unknown> | typeof failed {
  if (!isPlainRecord(value)) return failed
  const result: Record<string, unknown> = {}
  for (const field of node.fields) {
    const fieldPath = pointer(path, field.name)
    const given = Object.hasOwn(value, field.name) ? value[field.name] : undefined
    if (given !== undefined) setOwn(result, field.name, coerce(given, field.type, fieldPath, mode, issues))
    else if (field.hasDefault) setOwn(result, field.name, structuredClone(field.defaultValue))
    else if (field.required) missing(fieldPath, field.type, issues)
  }
  return result
}

/** pydantic's "smart" union: the best strict match (an exact type first), else the first lax match. */
function toUnion(value: unknown, node: UnionNode, path: string, issues: Issues): unknown {
  let best: { result: unknown; exactness: Exactness; fieldsSet: number } | undefined
  for (const option of node.options) {
    const optionIssues = new Issues()
    const result = coerce(value, option, path, 'strict', optionIssues)
    if (optionIssues.count > 0) continue
    const exactness = exactnessOf(value, option)
    const fieldsSet = option.kind === 'model' && isPlainRecord(value) ? countFieldsSet(value, option) : 0
    if (best === undefined || exactness > best.exactness || (exactness === best.exactness && fieldsSet > best.fieldsSet)) {
      best = { result, exactness, fieldsSet }
    }
  }
  if (best !== undefined) return best.result
  for (const option of node.options) {
    const optionIssues = new Issues()
    const result = coerce(value, option, path, 'lax', optionIssues)
    if (optionIssues.count === 0) return result
  }
  // Optional[T] reads as T that may be None (as pydantic reports it): show T's own issues.
  const others = node.options.filter((option) => option.kind !== 'none')
  if (others.length === 1 && others.length < node.options.length && value !== null && value !== undefined) {
    coerce(value, others[0] as TypeNode, path, 'lax', issues)
    return undefined
  }
  return failed
}

function countFieldsSet(value: Record<string, unknown>, node: ModelNode): number {
  return node.fields.filter((field) => Object.hasOwn(value, field.name)).length
}

function exactnessOf(value: unknown, node: TypeNode): Exactness {
  switch (node.kind) {
    case 'float':
      return typeof value === 'number' && !Number.isInteger(value) ? 2 : 1
    case 'list':
      return node.unique ? 1 : 2
    case 'any':
    case 'special':
      return 0
    default:
      return 2
  }
}
