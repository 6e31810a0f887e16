import { ModuleError } from './errors/module-error.js'

/** One step of an attribute name: a property (`cot`), an index (`[0]`) or a key (`['k']`). */
type PathStep = { readonly kind: 'property' | 'key'; readonly name: string } | { readonly kind: 'index'; readonly index: number }

/**
 * Replaces the value at a DSPy attribute name such as `cot.predict`, `lst[0]` or `d['k'].predict`
 * (the names {@link Module.namedParameters} gives), inside `root`. Keys go through Maps and plain
 * objects; indices through arrays.
 *
 * @throws {ModuleError} (`module-attribute-path`) when the name is malformed or leads nowhere.
 * @see dspy.primitives.module.set_attribute_by_name
 */
export function setAttributeByName(root: object, name: string, value: unknown): void {
  const steps = parseAttributeName(name)
  let target: unknown = root
  for (const step of steps.slice(0, -1)) target = readStep(target, step, name)
  const last = steps.at(-1)
  if (last === undefined || typeof target !== 'object' || target === null) throw pathError(name)
  if (last.kind === 'index') {
    if (!Array.isArray(target) || last.index >= target.length) throw pathError(name)
    target[last.index] = value
  } else if (target instanceof Map) {
    target.set(last.name, value)
  } else {
    ;(target as Record<string, unknown>)[last.name] = value
  }
}

/**
 * The value at a DSPy attribute name inside `root` (see {@link setAttributeByName}).
 *
 * @throws {ModuleError} (`module-attribute-path`) when the name is malformed or leads nowhere.
 */
export function getAttributeByName(root: object, name: string): unknown {
  let target: unknown = root
  for (const step of parseAttributeName(name)) target = readStep(target, step, name)
  return target
}

function readStep(target: unknown, step: PathStep, name: string): unknown {
  if (typeof target !== 'object' || target === null) throw pathError(name)
  if (step.kind === 'index') {
    if (!Array.isArray(target) || step.index >= target.length) throw pathError(name)
    return target[step.index]
  }
  if (target instanceof Map) {
    if (!target.has(step.name)) throw pathError(name)
    return target.get(step.name)
  }
  if (!(step.name in target)) throw pathError(name)
  return (target as Record<string, unknown>)[step.name]
}

function parseAttributeName(name: string): PathStep[] {
  const steps: PathStep[] = []
  let position = 0
  while (position < name.length) {
    if (name[position] === '[') {
      const quote = name[position + 1]
      if (quote === "'" || quote === '"') {
        const end = name.indexOf(`${quote}]`, position + 2)
        if (end < 0) throw pathError(name)
        steps.push({ kind: 'key', name: name.slice(position + 2, end) })
        position = end + 2
      } else {
        const end = name.indexOf(']', position)
        const digits = name.slice(position + 1, end)
        if (end < 0 || !/^\d+$/.test(digits)) throw pathError(name)
        steps.push({ kind: 'index', index: Number(digits) })
        position = end + 1
      }
    } else {
      if (name[position] === '.' && steps.length > 0) position += 1
      const match = /^[^.[\]]+/.exec(name.slice(position))
      if (match === null) throw pathError(name)
      steps.push({ kind: 'property', name: match[0] })
      position += match[0].length
    }
  }
  if (steps.length === 0) throw pathError(name)
  return steps
}

function pathError(name: string): ModuleError {
  return new ModuleError({ message: `The attribute name '${name}' does not lead to a value in the module.`, code: 'module-attribute-path' })
}
