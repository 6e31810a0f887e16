// @ts-check
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { inferPrefix } from '@dspex/signatures/internal'
import { t } from '@dspex/types'
import { specialTypeSchema } from '@dspex/types/internal'
import { descriptorConverter } from './schema-from-descriptor.mjs'

const schemaFromDescriptor = descriptorConverter({ t, specialTypeSchema })

/**
 * Builds the signature a golden record describes, the way a DSPex user would: the string form
 * through `Signature.parse`, a class through the builder (types from the descriptors, instructions
 * from the class docstring), ChainOfThought's extension through `prepend`.
 * @param {any} build the record's `signature.build`
 * @param {any[]} resolvedFields the record's resolved fields (for class-based signatures)
 * @returns {Signature}
 */
export function buildSignature(build, resolvedFields) {
  switch (build.from) {
    case 'string':
      return Signature.parse(build.string, {
        ...(build.instructions == null ? {} : { instructions: build.instructions }),
        ...(build.custom_types === undefined ? {} : { customTypes: customTypesFrom(build.custom_types, resolvedFields) }),
      })
    case 'class':
      return classSignature(build, resolvedFields)
    case 'chain_of_thought':
      return buildSignature(
        build.base,
        resolvedFields.filter((field) => field.name !== 'reasoning'),
      ).prepend('reasoning', OutputField(t.string(), { prefix: 'Reasoning:', desc: '${reasoning}' }))
    case 'with_instructions':
      return buildSignature(build.base, resolvedFields).withInstructions(build.instructions)
    default:
      throw new Error(`unknown signature build ${JSON.stringify(build.from)}`)
  }
}

/**
 * @param {string[]} names
 * @param {any[]} resolvedFields
 */
function customTypesFrom(names, resolvedFields) {
  /** @type {Record<string, import('typebox').TSchema>} */
  const registry = {}
  for (const name of names) {
    const field = resolvedFields.find((candidate) => findModel(candidate.type, name) !== undefined)
    if (field === undefined) throw new Error(`custom type ${name} is not described by any field`)
    registry[name] = schemaFromDescriptor(findModel(field.type, name))
  }
  return registry
}

/**
 * @param {any} descriptor
 * @param {string} name
 * @returns {any}
 */
function findModel(descriptor, name) {
  if (descriptor === null || typeof descriptor !== 'object') return undefined
  if ((descriptor.kind === 'model' || descriptor.kind === 'enum') && descriptor.name === name) return descriptor
  for (const value of Object.values(descriptor)) {
    const found = Array.isArray(value) ? value.map((item) => findModel(item, name)).find(Boolean) : findModel(value, name)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * @param {any} build
 * @param {any[]} fields
 */
function classSignature(build, fields) {
  /** @type {Record<string, any>} */
  const definitions = {}
  for (const field of fields) {
    /** @type {Record<string, unknown>} */
    const options = { ...snakeToCamel(field.pydantic_constraints ?? {}) }
    if (field.desc !== `\${${field.name}}`) options.desc = field.desc
    if (field.prefix !== `${inferPrefix(field.name)}:`) options.prefix = field.prefix
    if ('default' in field) options.default = field.default
    const schema = field.type_undefined ? undefined : schemaFromDescriptor(field.type)
    definitions[field.name] = field.io === 'input' ? InputField(schema, options) : OutputField(schema, options)
  }
  const docstring = classDocstring(build.python_source)
  return Signature.create({
    name: build.class_name,
    fields: definitions,
    ...(docstring === undefined ? {} : { instructions: docstring }),
  })
}

/** @param {Record<string, unknown>} constraints */
function snakeToCamel(constraints) {
  return Object.fromEntries(Object.entries(constraints).map(([key, value]) => [key.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase()), value]))
}

/**
 * The docstring of the first class in a Python source, when its body starts with one.
 * @param {string} source
 * @returns {string | undefined}
 */
function classDocstring(source) {
  const match = /^class [^\n]*:\n\s*(?:"""([\s\S]*?)"""|'''([\s\S]*?)''')/.exec(source)
  return match === null ? undefined : (match[1] ?? match[2])
}
