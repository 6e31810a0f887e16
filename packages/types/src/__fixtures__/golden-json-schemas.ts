// Test support: the JSON Schemas DSPy 3.3.1 recorded in the golden file, with the field types they
// belong to, rebuilt as TypeBox schemas with the `t` builders.
import { readFileSync } from 'node:fs'
import { descriptorConverter, type GoldenModelField, type GoldenTypeDescriptor } from '../../../../tooling/golden/schema-from-descriptor.mjs'
import { specialTypeSchema } from '../special-type-schema.js'
import { t } from '../type-builder.js'

export type { GoldenModelField, GoldenTypeDescriptor }

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

const goldenURL = new URL('../../../../fixtures/dspy/golden.jsonl', import.meta.url)

function readRecords(): GoldenRecord[] {
  return readFileSync(goldenURL, 'utf8')
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

/** Builds the TypeBox schema a DSPex user would write for a descriptor (the shared converter of tooling/golden). */
export const schemaFromDescriptor = descriptorConverter({ t, specialTypeSchema })
