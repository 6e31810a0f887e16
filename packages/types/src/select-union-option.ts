import type { ModelNode, TypeNode } from './type-node.js'

/**
 * Picks the option of a union that a value most likely was in Python, so that formatting can
 * follow that option's type (an integral number in `Optional[float]` prints as `1.0`, in
 * `Union[int, float]` as `1`). Pydantic keeps the value's own Python type; JavaScript cannot tell
 * `1` from `1.0`, so an exact match wins over a compatible one (an integral number prefers `int`
 * to `float`), a literal or enum containing the value wins over its base type, and ties go to the
 * earlier option. Returns `undefined` when no option fits the value.
 */
export function selectUnionOption(options: readonly TypeNode[], value: unknown): TypeNode | undefined {
  let best: TypeNode | undefined
  let bestScore = 0
  for (const option of options) {
    const score = matchScore(option, value)
    if (score > bestScore) {
      best = option
      bestScore = score
    }
  }
  return best
}

/** How well `value` fits `node`: 0 not at all, 1 only as `Any`, 2 compatible, 3 exact, 4 exact and specific. */
function matchScore(node: TypeNode, value: unknown): number {
  switch (node.kind) {
    case 'any':
      return 1
    case 'none':
      return value === null || value === undefined ? 3 : 0
    case 'str':
      return typeof value === 'string' ? 3 : 0
    case 'bool':
      return typeof value === 'boolean' ? 3 : 0
    case 'int':
      return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint' ? 3 : 0
    case 'float':
      if (typeof value !== 'number') return 0
      return Number.isInteger(value) ? 2 : 3
    case 'literal':
      return node.values.some((candidate) => candidate === value) ? 4 : 0
    case 'enum':
      return node.members.some((member) => member.value === value) ? 4 : 0
    case 'list':
      return Array.isArray(value) || value instanceof Set ? 3 : 0
    case 'tuple':
      if (!Array.isArray(value)) return 0
      return value.length === node.items.length ? 3 : 2
    case 'dict':
      return isPlainRecord(value) || value instanceof Map ? 2 : 0
    case 'model':
      return isPlainRecord(value) ? modelScore(node, value) : 0
    case 'union': {
      const inner = selectUnionOption(node.options, value)
      return inner === undefined ? 0 : matchScore(inner, value)
    }
    case 'special':
      if (node.name === 'Code' || node.name === 'Reasoning') return typeof value === 'string' ? 3 : 0
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? 3 : 0
  }
}

const declaredFieldNames = new WeakMap<ModelNode, ReadonlySet<string>>()

function modelScore(node: ModelNode, value: Record<string, unknown>): number {
  let declared = declaredFieldNames.get(node)
  if (declared === undefined) {
    declared = new Set(node.fields.map((field) => field.name))
    declaredFieldNames.set(node, declared)
  }
  const names = declared
  const keysDeclared = Object.keys(value).every((key) => names.has(key))
  const requiredPresent = node.fields.every((field) => !field.required || value[field.name] !== undefined)
  return keysDeclared && requiredPresent ? 3 : 1
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)
}
