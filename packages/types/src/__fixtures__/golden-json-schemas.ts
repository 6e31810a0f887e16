// Test support: the JSON Schemas DSPy 3.3.1 recorded in the golden file, with the field types they
// belong to, rebuilt as TypeBox schemas with the `t` builders.
import { readFileSync } from 'node:fs'
import { type TSchema, Type } from 'typebox'
import { specialTypeSchema } from '../special-type-schema.js'
import { t } from '../type-builder.js'

/** The language-neutral type descriptor the golden file records for a field. */
export type GoldenTypeDescriptor =
  | { kind: 'str' | 'int' | 'float' | 'bool' | 'any' | 'none' | 'history' }
  | { kind: 'list' | 'set'; items: GoldenTypeDescriptor }
  | { kind: 'tuple'; items: GoldenTypeDescriptor[] }
  | { kind: 'dict'; keys: GoldenTypeDescriptor; values: GoldenTypeDescriptor }
  | { kind: 'optional'; inner: GoldenTypeDescriptor; syntax: 'typing' | 'pep604' }
  | { kind: 'union'; options: GoldenTypeDescriptor[]; syntax: 'typing' | 'pep604' }
  | { kind: 'literal'; values: [string | number | boolean, ...(string | number | boolean)[]] }
  | { kind: 'enum'; name: string; members: { name: string; value: string | number }[] }
  | { kind: 'model'; name: string; doc: string | null; fields: GoldenModelField[] }

/** A model field in a descriptor. */
export interface GoldenModelField {
  name: string
  type: GoldenTypeDescriptor
  required: boolean
  default?: unknown
  description?: string
}

interface GoldenField {
  name: string
  io: 'input' | 'output'
  type: GoldenTypeDescriptor
  type_name: string
  json_schema: Record<string, unknown>
}

interface GoldenRecord {
  case_id: string
  kind: string
  adapter: string | null
  signature?: { fields?: GoldenField[] }
  expected?: { ok?: boolean; signature?: { fields?: GoldenField[] }; messages?: { role: string; content: unknown }[] }
}

/** One distinct field type of the golden file and the schema DSPy recorded for it. */
export interface GoldenFieldType {
  /** The first case it appears in. */
  caseId: string
  typeName: string
  descriptor: GoldenTypeDescriptor
  jsonSchema: Record<string, unknown>
}

/** A `# note: ... must adhere to the JSON schema: <text>` line of a golden prompt. */
export interface GoldenSchemaNote {
  caseId: string
  field: string
  descriptor: GoldenTypeDescriptor
  /** The exact schema text DSPy printed. */
  text: string
}

const goldenUrl = new URL('../../../../fixtures/dspy/golden.jsonl', import.meta.url)

function readRecords(): GoldenRecord[] {
  return readFileSync(goldenUrl, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldenRecord)
}

/**
 * Every distinct field `type` of the golden file with its recorded `json_schema`. Throws when one
 * type was recorded with two different schemas (the fixture would contradict itself).
 */
export function goldenFieldTypes(): GoldenFieldType[] {
  const byType = new Map<string, GoldenFieldType>()
  for (const record of readRecords()) {
    const fields = [...(record.signature?.fields ?? []), ...(record.expected?.signature?.fields ?? [])]
    for (const field of fields) {
      const key = JSON.stringify(field.type)
      const known = byType.get(key)
      if (known === undefined) {
        byType.set(key, { caseId: record.case_id, typeName: field.type_name, descriptor: field.type, jsonSchema: field.json_schema })
      } else if (JSON.stringify(known.jsonSchema) !== JSON.stringify(field.json_schema)) {
        throw new Error(`${record.case_id}: ${field.type_name} recorded with two different schemas`)
      }
    }
  }
  return [...byType.values()]
}

const notePrefix = '        # note: the value you produce must adhere to the JSON schema: '

/**
 * The schema notes of every output field in the golden `format` prompts. JSONAdapter prompts hold
 * the note inside a JSON string, which is decoded first.
 */
export function goldenSchemaNotes(): GoldenSchemaNote[] {
  const notes: GoldenSchemaNote[] = []
  for (const record of readRecords()) {
    if (record.kind !== 'format' || record.expected?.ok !== true) continue
    const outputs = (record.signature?.fields ?? []).filter((field) => field.io === 'output')
    for (const message of record.expected.messages ?? []) {
      if (typeof message.content !== 'string') continue
      for (const line of message.content.split('\n')) {
        for (const field of outputs) {
          const text = noteText(line, field.name)
          if (text !== undefined) notes.push({ caseId: record.case_id, field: field.name, descriptor: field.type, text })
        }
      }
    }
  }
  return notes
}

function noteText(line: string, field: string): string | undefined {
  const plain = `{${field}}${notePrefix}`
  if (line.startsWith(plain)) return line.slice(plain.length)
  const quoted = `  ${JSON.stringify(field)}: "`
  if (!line.startsWith(quoted)) return undefined
  const literal = line.slice(quoted.length - 1).replace(/,$/, '')
  const decoded = JSON.parse(literal) as string
  return decoded.startsWith(plain) ? decoded.slice(plain.length) : undefined
}

/** Builds the TypeBox schema a DSPex user would write for a descriptor, with the `t` builders. */
export function schemaFromDescriptor(descriptor: GoldenTypeDescriptor): TSchema {
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
      return t.list(schemaFromDescriptor(descriptor.items))
    case 'set':
      return t.set(schemaFromDescriptor(descriptor.items))
    case 'tuple':
      return t.tuple(descriptor.items.map(schemaFromDescriptor))
    case 'dict':
      return t.dict(schemaFromDescriptor(descriptor.values))
    case 'optional':
      return t.union([schemaFromDescriptor(descriptor.inner), t.none()], descriptor.syntax)
    case 'union':
      return t.union(descriptor.options.map(schemaFromDescriptor), descriptor.syntax)
    case 'literal':
      return t.literal(...descriptor.values)
    case 'enum':
      return t.enum(descriptor.name, Object.fromEntries(descriptor.members.map((member) => [member.name, member.value])))
    case 'model':
      return modelFromDescriptor(descriptor)
  }
}

function modelFromDescriptor(descriptor: Extract<GoldenTypeDescriptor, { kind: 'model' }>): TSchema {
  const properties: Record<string, TSchema> = {}
  for (const field of descriptor.fields) {
    let schema = schemaFromDescriptor(field.type)
    if (field.description !== undefined) schema = Type.Unsafe({ ...schema, description: field.description })
    properties[field.name] = field.required ? schema : t.withDefault(schema, field.default as never)
  }
  return t.model(descriptor.name, properties, descriptor.doc === null ? {} : { description: descriptor.doc })
}
