import { isExample } from './is-example.js'
import { isModule } from './is-module.js'
import { isParameter } from './parameter.js'
import { isPlainObject } from './plain-object.js'

/** Objects already copied during one copy, so shared references stay shared in the copy. */
export type CopyMemo = Map<object, unknown>

/**
 * The copy rule of {@link Module.deepcopy}, applied to one value:
 * - a {@link Parameter} is copied by its own `copy()`;
 * - a module is copied with {@link copyModuleStructure};
 * - an example or prediction is copied by its own `deepcopy()`;
 * - arrays, plain objects, Maps, Sets and Dates are copied, their contents by this same rule;
 * - anything else (class instances such as an LM or a signature, functions, primitives) is shared.
 *
 * A value reached twice is copied once, so aliases and cycles are kept.
 */
export function structuralCopy<Value>(value: Value, memo: CopyMemo = new Map()): Value {
  if (typeof value !== 'object' || value === null) return value
  if (memo.has(value)) return memo.get(value) as Value
  if (isParameter(value)) return remember(memo, value, value.copy())
  if (isModule(value)) return copyModuleStructure(value, memo)
  if (isExample(value)) return remember(memo, value, value.deepcopy())
  if (Array.isArray(value)) {
    const copy: unknown[] = remember(memo, value, [])
    for (const item of value) copy.push(structuralCopy(item, memo))
    return copy as Value
  }
  if (isPlainObject(value)) {
    const copy = remember(memo, value, Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>)
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: structuralCopy(item, memo), writable: true, enumerable: true, configurable: true })
    }
    return copy as Value
  }
  if (value instanceof Map) {
    const copy = remember(memo, value, new Map<unknown, unknown>())
    for (const [key, item] of value) copy.set(key, structuralCopy(item, memo))
    return copy as Value
  }
  if (value instanceof Set) {
    const copy = remember(memo, value, new Set<unknown>())
    for (const item of value) copy.add(structuralCopy(item, memo))
    return copy as Value
  }
  if (value instanceof Date) return remember(memo, value, new Date(value.getTime())) as Value
  return value
}

/**
 * A copy of a module made without running its constructor: an object with the same prototype and
 * every own property copied by {@link structuralCopy}, except `history` (a fresh empty list) and
 * `callbacks` (a new list of the same callbacks). Private `#fields` cannot be copied this way; a
 * module that has them must override `deepcopy`.
 */
export function copyModuleStructure<Value extends object>(module: Value, memo: CopyMemo = new Map()): Value {
  const copy = remember(memo, module, Object.create(Object.getPrototypeOf(module)) as Value)
  for (const key of Reflect.ownKeys(module)) {
    const descriptor = Object.getOwnPropertyDescriptor(module, key)
    if (descriptor === undefined) continue
    if ('value' in descriptor) {
      if (key === 'history') descriptor.value = []
      else if (key === 'callbacks' && Array.isArray(descriptor.value)) descriptor.value = [...descriptor.value]
      else descriptor.value = structuralCopy(descriptor.value, memo)
    }
    Object.defineProperty(copy, key, descriptor)
  }
  return copy
}

function remember<Copy>(memo: CopyMemo, original: object, copy: Copy): Copy {
  memo.set(original, copy)
  return copy
}
