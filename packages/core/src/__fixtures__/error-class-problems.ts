import { inspect } from 'node:util'

/**
 * A DSPex error class as {@link errorClassProblems} sees it. Typed by shape rather than as `typeof DSPexError`, so a
 * class from another copy of `@dspex/core` (a built `dist/` next to this source) can be checked too.
 */
export interface ErrorClassUnderTest {
  /** The class name. */
  readonly name: string
  /** Its marker. */
  readonly marker: symbol
  /** Its marker check. */
  isInstance(value: unknown): boolean
  /** Its constructor, taking one options object (whatever its type: the sample given is passed as it is). */
  new (options: never): Error & { readonly code: string; toJSON(): unknown }
}

/** The constructor shape the generated subclasses use. */
type Constructor = new (options: unknown) => Error & { readonly code: string; toJSON(): unknown }

const rootMarker = Symbol.for('dspex.error')
const printedKeys = new Set(['name', 'code', 'message', 'cause', 'stack'])
const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/
/** The longest line `util.inspect` may print for one typed field. */
const longestFieldLine = 400

/**
 * Checks one DSPex error class (a root or a subclass) against the error rule of `@dspex/core`'s `DSPexError`, and
 * returns what is wrong, one sentence per problem (an empty array when all is well). It constructs the class with
 * `options`, derives a subclass, a sibling and a subclass without a marker from it, and checks: its own marker (from
 * `Symbol.for`, not its base's); a kebab-case code; every marker of the chain on the instance; `isInstance` and
 * `instanceof` true for the class and its subclasses, false for a base, a sibling, and on a class without its own
 * marker, whose construction throws a `TypeError` naming it; `toJSON` as a plain object with name, code, message and
 * every typed field; `util.inspect` printing `Name [code]: message`, the stack frames and short field lines; and what Node
 * prints for an uncaught throw (no custom inspection) starting with V8's `Name: message` header, with no enumerable field that is
 * not a string printed in more than 400 characters.
 *
 * @example
 * ```ts
 * expect(errorClassProblems(SignatureError, { message: 'Bad.', code: 'signature-format' })).toEqual([])
 * ```
 */
export function errorClassProblems(errorClass: ErrorClassUnderTest, options: unknown): string[] {
  const problems: string[] = []
  const Class = errorClass as unknown as Constructor & ErrorClassUnderTest
  const name = Class.name
  const base: unknown = Object.getPrototypeOf(Class)
  const marker: unknown = Object.hasOwn(Class, 'marker') ? Class.marker : undefined
  if (typeof marker !== 'symbol') return [`${name} declares no static marker of its own.`]
  if (Symbol.keyFor(marker) === undefined) problems.push(`${name}'s marker is not from Symbol.for.`)
  if (typeof base === 'function' && (base as { marker?: unknown }).marker === marker) problems.push(`${name} reuses its base's marker.`)

  let instance: InstanceType<Constructor>
  try {
    instance = new Class(options)
  } catch (error) {
    return [...problems, `new ${name}(sample) threw: ${String(error)}`]
  }
  if (instance.name !== name) problems.push(`its name is ${instance.name}, not ${name}.`)
  if (typeof instance.code !== 'string' || !kebabCase.test(instance.code)) problems.push(`its code ${String(instance.code)} is not kebab-case.`)
  const chain = chainMarkers(Class)
  for (const each of [rootMarker, ...chain]) {
    if (Object.getOwnPropertyDescriptor(instance, each)?.value !== true)
      problems.push(`an instance does not carry ${String(each)} as an own property.`)
  }
  problems.push(...instanceChecks(Class, instance, chain))
  problems.push(...subclassChecks(Class, instance, options))
  problems.push(...jsonChecks(instance))
  problems.push(...inspectChecks(instance))
  return problems
}

/** The markers of `Class` and each base that declares one of its own, `Class`'s first. */
function chainMarkers(Class: object): symbol[] {
  const markers: symbol[] = []
  for (let current: unknown = Class; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const marker: unknown = Object.hasOwn(current, 'marker') ? (current as unknown as { marker: unknown }).marker : undefined
    if (typeof marker === 'symbol') markers.push(marker)
  }
  return markers
}

function instanceChecks(Class: Constructor & ErrorClassUnderTest, instance: object, chain: readonly symbol[]): string[] {
  const problems: string[] = []
  const name = Class.name
  if (!Class.isInstance(instance)) problems.push(`${name}.isInstance(an instance) is false.`)
  if (!(instance instanceof Class)) problems.push(`an instance is not instanceof ${name}.`)
  if (!(instance instanceof Error)) problems.push(`an instance is not instanceof Error.`)
  // What an instance of the base (or one from another copy of it) carries: every marker but the class's own.
  const baseLike = Object.create(Error.prototype) as Record<symbol, boolean>
  for (const marker of chain.slice(1)) baseLike[marker] = true
  if (!chain.includes(rootMarker)) baseLike[rootMarker] = true
  if (Class.isInstance(baseLike)) problems.push(`${name}.isInstance(an instance of its base) is true.`)
  if (baseLike instanceof Class) problems.push(`an instance of its base is instanceof ${name}.`)
  const foreign = Object.assign(Object.create(Error.prototype) as object, { [Class.marker]: true })
  if (!Class.isInstance(foreign)) problems.push(`${name}.isInstance(an instance from another copy) is false.`)
  for (const value of [null, undefined, 'error', new Error('plain')]) {
    if (Class.isInstance(value)) problems.push(`${name}.isInstance(${String(value)}) is true.`)
  }
  return problems
}

function subclassChecks(Class: Constructor & ErrorClassUnderTest, instance: object, options: unknown): string[] {
  const problems: string[] = []
  const name = Class.name
  const key = `dspex.error.test.${name}`
  // Each generated class also declares a static code, which provider errors read; the others ignore it.
  const Sub = { [`${name}Sub`]: class extends Class {} }[`${name}Sub`] as Constructor & ErrorClassUnderTest
  Object.defineProperties(Sub, { marker: { value: Symbol.for(`${key}.sub`) }, code: { value: 'test-sub' } })
  const Sibling = { [`${name}Sibling`]: class extends Class {} }[`${name}Sibling`] as Constructor & ErrorClassUnderTest
  Object.defineProperties(Sibling, { marker: { value: Symbol.for(`${key}.sibling`) }, code: { value: 'test-sibling' } })
  const Unmarked = { [`Unmarked${name}`]: class extends Class {} }[`Unmarked${name}`] as Constructor & ErrorClassUnderTest
  Object.defineProperty(Unmarked, 'code', { value: 'test-unmarked' })

  let sub: object
  let sibling: object
  try {
    sub = new Sub(options)
    sibling = new Sibling(options)
  } catch (error) {
    return [`a subclass of ${name} with its own marker could not be constructed: ${String(error)}`]
  }
  if (!Class.isInstance(sub) || !(sub instanceof Class)) problems.push(`an instance of a subclass is not recognised as a ${name}.`)
  if (Sub.isInstance(instance) || instance instanceof Sub) problems.push(`a ${name} is recognised as an instance of its subclass.`)
  if (Sub.isInstance(sibling) || sibling instanceof Sub) problems.push(`a sibling subclass of ${name} is recognised as another.`)
  if (!Sub.isInstance(sub) || !(sub instanceof Sub)) problems.push(`an instance of a subclass of ${name} is not recognised as one.`)
  try {
    new Unmarked(options)
    problems.push(`a subclass of ${name} without its own marker can be constructed.`)
  } catch (error) {
    if (!(error instanceof TypeError) || !error.message.includes(Unmarked.name)) {
      problems.push(`constructing a subclass of ${name} without its own marker threw something other than a TypeError naming it: ${String(error)}`)
    }
  }
  if (Unmarked.isInstance(instance) || instance instanceof Unmarked)
    problems.push(`a ${name} is recognised as an instance of a subclass without a marker.`)
  if (Unmarked.isInstance(sub) || sub instanceof Unmarked) problems.push(`a subclass without a marker recognises a sibling.`)
  return problems
}

function jsonChecks(instance: Error & { readonly code: string; toJSON(): unknown }): string[] {
  if (typeof instance.toJSON !== 'function') return ['it has no toJSON.']
  const problems: string[] = []
  const json = instance.toJSON() as Record<string, unknown>
  if (typeof json !== 'object' || json === null || Object.getPrototypeOf(json) !== Object.prototype) return ['toJSON() is not a plain object.']
  for (const key of ['name', 'code', 'message'] as const) {
    if (json[key] !== instance[key]) problems.push(`toJSON().${key} is ${String(json[key])}, not ${String(instance[key])}.`)
  }
  for (const key of Object.getOwnPropertyNames(instance)) {
    const value: unknown = (instance as unknown as Record<string, unknown>)[key]
    if (!printedKeys.has(key) && value !== undefined && typeof value !== 'function' && !(key in json))
      problems.push(`toJSON() leaves out the field ${key}.`)
  }
  if (instance.cause !== undefined && json.cause === undefined) problems.push('toJSON() leaves out the cause.')
  try {
    const parsed = JSON.parse(JSON.stringify(instance)) as Record<string, unknown>
    if (parsed.name !== instance.name || parsed.code !== instance.code) problems.push('JSON.stringify does not use toJSON.')
  } catch (error) {
    problems.push(`JSON.stringify threw: ${String(error)}`)
  }
  return problems
}

function inspectChecks(instance: Error & { readonly code: string }): string[] {
  const problems: string[] = []
  const printed = inspect(instance)
  const header = `${instance.name} [${instance.code}]: ${instance.message}`
  if (!printed.startsWith(header)) problems.push(`util.inspect does not start with "${header.split('\n')[0]}": ${printed.slice(0, 120)}`)
  if (!/\n {4}at /.test(printed)) problems.push('util.inspect prints no stack frames.')
  const fieldLines = printed
    .slice(header.length)
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
  const long = fieldLines.find((line) => line.length > longestFieldLine)
  if (long !== undefined) problems.push(`util.inspect prints a field line of ${long.length} characters: ${long.slice(0, 80)}...`)
  // What Node prints for an uncaught throw: the stack, then every enumerable property five levels deep.
  const uncaught = inspect(instance, { customInspect: false, depth: 5, colors: false })
  const stackHeader = `${instance.name}: ${instance.message}`
  if (!uncaught.startsWith(stackHeader))
    problems.push(`an uncaught throw would not start with "${stackHeader.split('\n')[0]}": ${uncaught.slice(0, 120)}`)
  for (const [key, value] of Object.entries(instance)) {
    if (typeof value === 'string' || printedKeys.has(key)) continue
    const shown = inspect(value, { customInspect: false, depth: 5, colors: false })
    if (shown.length > longestFieldLine)
      problems.push(`an uncaught throw would print the field ${key} in ${shown.length} characters: set it with setLargeField.`)
  }
  return problems
}
