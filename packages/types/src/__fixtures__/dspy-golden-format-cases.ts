// Test support: reads the DSPy golden `format` cases and rebuilds their field types with `t`.
import { readFileSync } from 'node:fs'
import type { TSchema } from 'typebox'
import { descriptorConverter, type GoldenModelField, type GoldenTypeDescriptor } from '../../../../tooling/golden/schema-from-descriptor.mjs'
import { specialTypeSchema } from '../special-type-schema.js'
import { t } from '../type-builder.js'

/** The language-neutral type descriptor the golden file records for a field. */
export type TypeDescriptor = GoldenTypeDescriptor
/** A model field in a descriptor. */
export type ModelFieldDescriptor = GoldenModelField

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

const goldenURL = new URL('../../../../fixtures/dspy/golden.jsonl', import.meta.url)

/** Every `format` record of the golden file, optionally for one adapter. */
export function loadGoldenFormatCases(adapter?: GoldenFormatCase['adapter']): GoldenFormatCase[] {
  return readFileSync(goldenURL, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldenFormatCase & { kind: string })
    .filter((record) => record.kind === 'format' && (adapter === undefined || record.adapter === adapter))
}

/** Builds the TypeBox schema a DSPex user would write for a descriptor (the shared converter of tooling/golden). */
export const schemaFromDescriptor = descriptorConverter({ t, specialTypeSchema })
/** The schemas of a record's fields, by name. */
export function fieldSchemas(record: GoldenFormatCase): Map<string, { io: 'input' | 'output'; schema: TSchema }> {
  return new Map(record.signature.fields.map((field) => [field.name, { io: field.io, schema: schemaFromDescriptor(field.type) }]))
}

/** The demos DSPy renders: complete ones, and incomplete ones with at least one input and one output key. */
export function renderedDemos(record: GoldenFormatCase): Record<string, unknown>[] {
  const inputs = record.signature.fields.filter((field) => field.io === 'input').map((field) => field.name)
  const outputs = record.signature.fields.filter((field) => field.io === 'output').map((field) => field.name)
  return record.demos.filter((demo) => inputs.some((name) => name in demo) && outputs.some((name) => name in demo))
}
