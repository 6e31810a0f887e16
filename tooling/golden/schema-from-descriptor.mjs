// @ts-check
// The one converter from the golden files' language-neutral type descriptors (fixtures/dspy/README.md)
// to TypeBox schemas. It takes the builders it uses, so @dspex/types' own tests (on its source) and the
// golden runner (on the built package) share it.

/**
 * Makes a converter from golden type descriptors to the TypeBox schemas a DSPex user would write
 * for the same Python types.
 * @param {import('./schema-from-descriptor.d.mts').DescriptorBuilders} builders
 * @returns {(descriptor: import('./schema-from-descriptor.d.mts').GoldenTypeDescriptor) => import('typebox').TSchema}
 */
export function descriptorConverter({ t, specialTypeSchema }) {
  /** @param {import('./schema-from-descriptor.d.mts').GoldenTypeDescriptor} descriptor @returns {import('typebox').TSchema} */
  function convert(descriptor) {
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
      case 'history':
        return specialTypeSchema('History')
      case 'list':
        return t.list(convert(descriptor.items))
      case 'set':
        return t.set(convert(descriptor.items))
      case 'tuple':
        return t.tuple(descriptor.items.map(convert))
      case 'dict':
        return t.dict(convert(descriptor.values))
      case 'optional':
        return t.union([convert(descriptor.inner), t.none()], descriptor.syntax === 'pep604' ? 'pep604' : 'typing')
      case 'union':
        return t.union(descriptor.options.map(convert), descriptor.syntax === 'pep604' ? 'pep604' : 'typing')
      case 'literal': {
        const [first, ...rest] = descriptor.values
        if (first === undefined) throw new Error('A literal descriptor needs at least one value.')
        return t.literal(first, ...rest)
      }
      case 'enum':
        return t.enum(descriptor.name, Object.fromEntries(descriptor.members.map((member) => [member.name, member.value])))
      case 'model': {
        /** @type {Record<string, import('typebox').TSchema>} */
        const properties = {}
        for (const field of descriptor.fields) {
          const base = convert(field.type)
          const described = field.description === undefined ? base : { ...base, description: field.description }
          properties[field.name] = field.required ? described : t.withDefault(described, /** @type {never} */ (field.default))
        }
        return t.model(descriptor.name, properties, descriptor.doc == null ? {} : { description: descriptor.doc })
      }
      default:
        throw new Error(`unknown type descriptor kind ${JSON.stringify(/** @type {{ kind: unknown }} */ (descriptor).kind)}`)
    }
  }
  return convert
}
