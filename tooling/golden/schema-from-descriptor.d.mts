import type { TSchema } from 'typebox'

/** A golden file's language-neutral type descriptor (fixtures/dspy/README.md). */
export type GoldenTypeDescriptor =
  | { kind: 'str' | 'int' | 'float' | 'bool' | 'any' | 'none' | 'history' }
  | { kind: 'list' | 'set'; items: GoldenTypeDescriptor }
  | { kind: 'tuple'; items: GoldenTypeDescriptor[] }
  | { kind: 'dict'; keys: GoldenTypeDescriptor; values: GoldenTypeDescriptor }
  | { kind: 'optional'; inner: GoldenTypeDescriptor; syntax: 'typing' | 'pep604' }
  | { kind: 'union'; options: GoldenTypeDescriptor[]; syntax: 'typing' | 'pep604' }
  | { kind: 'literal'; values: (string | number | boolean)[] }
  | { kind: 'enum'; name: string; members: { name: string; value: string | number }[] }
  | { kind: 'model'; name: string; doc: string | null; fields: GoldenModelField[] }

/** A field of a model descriptor. */
export interface GoldenModelField {
  name: string
  type: GoldenTypeDescriptor
  required: boolean
  default?: unknown
  description?: string
}

/** The builders the converter uses: `t` and `specialTypeSchema` of @dspex/types (source or built). */
export interface DescriptorBuilders {
  t: any
  specialTypeSchema: (name: 'History') => TSchema
}

/** Makes a converter from golden type descriptors to TypeBox schemas. */
export declare function descriptorConverter(builders: DescriptorBuilders): (descriptor: GoldenTypeDescriptor) => TSchema
