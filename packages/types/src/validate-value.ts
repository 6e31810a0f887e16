import type { Static, TSchema } from 'typebox'
import { Compile, type Validator } from 'typebox/compile'
import type { TLocalizedValidationError } from 'typebox/error'
import { describeReceivedValue } from './describe-received-value.js'
import { describeType } from './describe-type.js'
import { ValueValidationError, type ValueValidationIssue } from './errors/value-validation-error.js'
import { typeNodeName } from './python-type-name.js'

const validators = new WeakMap<TSchema, Validator>()

/**
 * Checks a value against a TypeBox schema strictly (no conversion, nothing removed or added),
 * with a validator compiled once per schema object. DSPex's `x-dspy` metadata is ignored.
 *
 * @returns the value itself when it fits.
 * @throws {ValueValidationError} listing each problem with its JSON-pointer path, the expected
 *   Python type name and what was found.
 * @example
 * ```ts
 * validateValue(t.list(t.integer()), [1, 2]) // [1, 2]
 * validateValue(t.list(t.integer()), [1, '2']) // throws: /1: expected int, got '2' (string)
 * ```
 */
export function validateValue<Schema extends TSchema>(schema: Schema, value: unknown): Static<Schema> {
  let validator = validators.get(schema)
  if (validator === undefined) {
    validator = Compile(schema) as unknown as Validator
    validators.set(schema, validator)
  }
  if (validator.Check(value)) return value as Static<Schema>
  throw new ValueValidationError({ typeName: nameOf(schema), issues: toIssues(schema, value, validator.Errors(value)) })
}

/** The Python name of a schema, or a plain description when DSPy has no type for it. */
function nameOf(schema: unknown): string {
  if (typeof schema !== 'object' || schema === null) return 'value'
  try {
    return typeNodeName(describeType(schema as TSchema))
  } catch {
    const record = schema as Record<string, unknown>
    return typeof record.title === 'string' ? record.title : typeof record.type === 'string' ? record.type : 'value'
  }
}

/** The sub-schema a TypeBox `schemaPath` (`#/items/properties/age`) points at. */
function schemaAt(root: TSchema, schemaPath: string): unknown {
  let current: unknown = root
  for (const segment of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (segment === '') continue
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~')
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined
  }
  return current
}

/** The value a JSON pointer points at inside `value`. */
function valueAt(value: unknown, pointer: string): unknown {
  let current = value
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replaceAll('~1', '/').replaceAll('~0', '~')
    current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined
  }
  return current
}

function escapeSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1')
}

function isNullSchema(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as Record<string, unknown>).type === 'null'
}

/**
 * Maps TypeBox's errors to issues. A failed union is one issue at the union, unless it is an
 * `Optional[T]` (T or null) given something other than null, where T's own issues say more.
 */
function toIssues(root: TSchema, value: unknown, errors: readonly TLocalizedValidationError[]): ValueValidationIssue[] {
  const hiddenSchemaPaths: string[] = []
  const replacedUnions = new Set<TLocalizedValidationError>()
  for (const union of errors) {
    if (union.keyword !== 'anyOf' && union.keyword !== 'oneOf') continue
    const optionsPath = `${union.schemaPath}/${union.keyword}`
    const options = schemaAt(root, optionsPath)
    const nullIndexes = Array.isArray(options) ? options.flatMap((option, index) => (isNullSchema(option) ? [index] : [])) : []
    const optional = Array.isArray(options) && options.length - nullIndexes.length === 1 && nullIndexes.length > 0
    if (optional && valueAt(value, union.instancePath) !== null) {
      replacedUnions.add(union)
      hiddenSchemaPaths.push(...nullIndexes.map((index) => `${optionsPath}/${index}`))
    } else hiddenSchemaPaths.push(optionsPath)
  }
  const isHidden = (path: string): boolean => hiddenSchemaPaths.some((hidden) => path === hidden || path.startsWith(`${hidden}/`))
  return errors
    .filter((error) => !replacedUnions.has(error) && !isHidden(error.schemaPath) && !isClosedObjectEcho(error))
    .flatMap((error) => issuesOf(root, value, error))
}

/** TypeBox reports an unknown property twice: as `additionalProperties` and as the `false` schema it met. */
function isClosedObjectEcho(error: TLocalizedValidationError): boolean {
  return error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')
}

function issuesOf(root: TSchema, value: unknown, error: TLocalizedValidationError): ValueValidationIssue[] {
  const schema = schemaAt(root, error.schemaPath)
  if (error.keyword === 'required') {
    const properties = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}
    return error.params.requiredProperties.map((name) => ({
      path: `${error.instancePath}/${escapeSegment(name)}`,
      expected: nameOf(properties[name]),
      got: 'nothing (missing)',
    }))
  }
  if (error.keyword === 'additionalProperties') {
    return error.params.additionalProperties.map((name) => ({
      path: `${error.instancePath}/${escapeSegment(name)}`,
      expected: `no property ${JSON.stringify(name)} in ${nameOf(schema)}`,
      got: describeReceivedValue(valueAt(value, `${error.instancePath}/${escapeSegment(name)}`)),
    }))
  }
  const plain = error.keyword === 'type' || error.keyword === 'anyOf' || error.keyword === 'oneOf'
  const constrained = error.keyword === 'const' || error.keyword === 'enum'
  const expected = plain || constrained ? nameOf(schema) : `${nameOf(schema)} (${error.message})`
  return [{ path: error.instancePath, expected, got: describeReceivedValue(valueAt(value, error.instancePath)) }]
}
