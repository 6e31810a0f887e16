// Test support: reads the DSPy golden `format` cases and rebuilds their field types with `t`.
import { readFileSync } from 'node:fs'
import { Type, type TSchema } from 'typebox'
import { specialTypeSchema } from '../special-type-schema.js'
import { t } from '../type-builder.js'

/** The language-neutral type descriptor the golden file records for a field. */
export type TypeDescriptor =
  | { kind: 'str' | 'int' | 'float' | 'bool' | 'any' | 'history' }
  | { kind: 'list'; items: TypeDescriptor }
  | { kind: 'tuple'; items: TypeDescriptor[] }
  | { kind: 'dict'; keys: TypeDescriptor; values: TypeDescriptor }
  | { kind: 'optional'; inner: TypeDescriptor; syntax: 'typing' | 'pep604' }
  | { kind: 'union'; options: TypeDescriptor[]; syntax: 'typing' | 'pep604' }
  | { kind: 'literal'; values: (string | number | boolean)[] }
  | { kind: 'enum'; name: string; members: { name: string; value: string | number }[] }
  | { kind: 'model'; name: string; doc: string | null; fields: ModelFieldDescriptor[] }

/** A model field in a descriptor. */
export interface ModelFieldDescriptor {
  name: string
  type: TypeDescriptor
  required: boolean
  default?: unknown
  description?: string
}

/** A signature field of a golden record. */
export interface GoldenField {
  name: string
  io: 'input' | 'output'
  type: TypeDescriptor
}

/** A `format` record of the golden file. */
export interface GoldenFormatCase {
  case_id: string
  adapter: 'ChatAdapter' | 'JSONAdapter' | 'XMLAdapter'
  signature: { fields: GoldenField[] }
  demos: Record<string, unknown>[]
  inputs: Record<string, unknown>
  expected: { ok: boolean; messages?: { role: string; content: string }[] }
}

const goldenUrl = new URL('../../../../fixtures/dspy/golden.jsonl', import.meta.url)

/** Every `format` record of the golden file, optionally for one adapter. */
export function loadGoldenFormatCases(adapter?: GoldenFormatCase['adapter']): GoldenFormatCase[] {
  return readFileSync(goldenUrl, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldenFormatCase & { kind: string })
    .filter((record) => record.kind === 'format' && (adapter === undefined || record.adapter === adapter))
}

/** Builds the TypeBox schema of a descriptor with the `t` builders. */
export function schemaFromDescriptor(descriptor: TypeDescriptor): TSchema {
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
    case 'history':
      return specialTypeSchema('History')
    case 'list':
      return t.list(schemaFromDescriptor(descriptor.items))
    case 'tuple':
      return t.tuple(descriptor.items.map(schemaFromDescriptor))
    case 'dict':
      return t.dict(schemaFromDescriptor(descriptor.values))
    case 'optional':
      return t.union([schemaFromDescriptor(descriptor.inner), t.none()], descriptor.syntax)
    case 'union':
      return t.union(descriptor.options.map(schemaFromDescriptor), descriptor.syntax)
    case 'literal': {
      const [first, ...rest] = descriptor.values
      if (first === undefined) throw new Error('A literal needs at least one value.')
      return t.literal(first, ...rest)
    }
    case 'enum':
      return t.enum(
        descriptor.name,
        Object.fromEntries(descriptor.members.map((member) => [member.name, member.value])),
      )
    case 'model': {
      const properties: Record<string, TSchema> = {}
      for (const field of descriptor.fields) {
        const base = schemaFromDescriptor(field.type)
        const described = field.description === undefined ? base : { ...base, description: field.description }
        properties[field.name] = field.required
          ? described
          : 'default' in field
            ? t.withDefault(described, field.default as never)
            : Type.Optional(described)
      }
      return t.model(descriptor.name, properties, descriptor.doc === null ? {} : { description: descriptor.doc })
    }
  }
}

/** The schemas of a record's fields, by name. */
export function fieldSchemas(record: GoldenFormatCase): Map<string, { io: 'input' | 'output'; schema: TSchema }> {
  return new Map(
    record.signature.fields.map((field) => [field.name, { io: field.io, schema: schemaFromDescriptor(field.type) }]),
  )
}

/** The demos DSPy renders: complete ones, and incomplete ones with at least one input and one output key. */
export function renderedDemos(record: GoldenFormatCase): Record<string, unknown>[] {
  const inputs = record.signature.fields.filter((field) => field.io === 'input').map((field) => field.name)
  const outputs = record.signature.fields.filter((field) => field.io === 'output').map((field) => field.name)
  return record.demos.filter((demo) => inputs.some((name) => name in demo) && outputs.some((name) => name in demo))
}
