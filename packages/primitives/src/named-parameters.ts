import { isModule } from './is-module.js'
import type { Module } from './module.js'
import { isParameter, type Parameter } from './parameter.js'
import { isPlainObject } from './plain-object.js'

/**
 * The parameters reachable from `module`, with DSPy's names: the module itself as `self` when it
 * is a parameter; then, for each own enumerable property in order, a parameter (`predict`), the
 * parameters of a sub-module that is not compiled (`cot.predict`, recursively), and parameters or
 * sub-modules one level inside an array (`lst[0]`), a plain object or a Map (`d['k']`). A
 * parameter reached twice is listed once, under its first name.
 *
 * @see dspy.BaseModule.named_parameters
 */
export function collectNamedParameters(module: Module<object, unknown>): [string, Parameter][] {
  const visited = new Set<Parameter>()
  const named: [string, Parameter][] = []
  const add = (name: string, value: unknown): void => {
    if (isParameter(value)) {
      if (!visited.has(value)) {
        visited.add(value)
        named.push([name, value])
      }
    } else if (isModule(value) && !value.compiled) {
      for (const [subName, parameter] of value.namedParameters()) add(`${name}.${subName}`, parameter)
    }
  }
  if (isParameter(module)) add('self', module)
  for (const [name, value] of Object.entries(module)) {
    if (isParameter(value) || isModule(value)) add(name, value)
    else if (Array.isArray(value)) for (const [index, item] of value.entries()) add(`${name}[${index}]`, item)
    else if (value instanceof Map) for (const [key, item] of value) add(`${name}['${String(key)}']`, item)
    else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) add(`${name}['${key}']`, item)
  }
  return named
}

/**
 * Every module reachable from `root`, breadth first, starting with `['self', root]`: through the
 * own enumerable properties of modules and, at any depth, arrays (`self.lst[0]`), plain objects
 * and Maps (`self.d[k]`, without quotes, as DSPy names them). A module reached twice is listed
 * once. Compiled modules are listed but not entered when `skipCompiled` is set.
 *
 * @see dspy.BaseModule.named_sub_modules
 */
export function collectNamedSubModules(root: Module<object, unknown>, skipCompiled: boolean): [string, Module<object, unknown>][] {
  const found: [string, Module<object, unknown>][] = []
  const queue: [string, unknown][] = [['self', root]]
  const seen = new Set<unknown>([root])
  const enqueue = (name: string, item: unknown): void => {
    if (typeof item === 'object' && item !== null && !seen.has(item)) {
      seen.add(item)
      queue.push([name, item])
    }
  }
  for (let index = 0; index < queue.length; index += 1) {
    const [name, item] = queue[index] as [string, unknown]
    if (isModule(item)) {
      found.push([name, item])
      if (skipCompiled && item.compiled) continue
      for (const [key, value] of Object.entries(item)) enqueue(`${name}.${key}`, value)
    } else if (Array.isArray(item)) {
      for (const [position, value] of item.entries()) enqueue(`${name}[${position}]`, value)
    } else if (item instanceof Map) {
      for (const [key, value] of item) enqueue(`${name}[${String(key)}]`, value)
    } else if (isPlainObject(item)) {
      for (const [key, value] of Object.entries(item)) enqueue(`${name}[${key}]`, value)
    }
  }
  return found
}
