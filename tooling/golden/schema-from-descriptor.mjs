// @ts-check
import { specialTypeSchema, t } from '@dspex/types'
import { Type } from 'typebox'

/**
 * Turns a golden file's language-neutral type descriptor (see fixtures/dspy/README.md) into the
 * TypeBox schema a DSPex user would write for the same Python type.
 * @param {any} descriptor
 * @returns {import('typebox').TSchema}
 */
export function schemaFromDescriptor(descriptor) {
  switch (descriptor.kind) {
    case 'str':
      return t.string()
    case 'int':
      return t.integer()
    case 'float':
      return t.number()
    case 'bool':
      return t.boolean()
    case 'any':
      return t.any()
    case 'none':
      return t.none()
    case 'list':
      return t.list(schemaFromDescriptor(descriptor.items))
    case 'set':
      return t.set(schemaFromDescriptor(descriptor.items))
    case 'tuple':
      return t.tuple(descriptor.items.map(schemaFromDescriptor))
    case 'dict':
      return t.dict(schemaFromDescriptor(descriptor.values))
    case 'optional':
      return t.union([schemaFromDescriptor(descriptor.inner), t.none()], descriptor.syntax === 'pep604' ? 'pep604' : 'typing')
    case 'union':
      return t.union(descriptor.options.map(schemaFromDescriptor), descriptor.syntax === 'pep604' ? 'pep604' : 'typing')
    case 'literal':
      return t.literal(...descriptor.values)
    case 'enum':
      return t.enum(descriptor.name, Object.fromEntries(descriptor.members.map((/** @type {any} */ member) => [member.name, member.value])))
    case 'model':
      return modelSchema(descriptor)
    case 'history':
      return specialTypeSchema('History')
    default:
      throw new Error(`unknown type descriptor kind ${JSON.stringify(descriptor.kind)}`)
  }
}

/** @param {any} descriptor */
function modelSchema(descriptor) {
  /** @type {Record<string, import('typebox').TSchema>} */
  const properties = {}
  for (const field of descriptor.fields) {
    let schema = schemaFromDescriptor(field.type)
    if (field.description !== undefined) schema = Type.Unsafe({ ...schema, description: field.description })
    properties[field.name] = field.required ? schema : t.withDefault(schema, field.default)
  }
  return t.model(descriptor.name, properties, descriptor.doc == null ? {} : { description: descriptor.doc })
}
