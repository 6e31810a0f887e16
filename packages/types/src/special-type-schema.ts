import { Type, type TSchema } from 'typebox'
import { typeMetadataKey } from './type-metadata.js'
import type { SpecialTypeName } from './type-node.js'

const specialTypeNames: ReadonlySet<string> = new Set<SpecialTypeName>([
  'Image',
  'Audio',
  'File',
  'History',
  'Tool',
  'ToolCalls',
  'ToolCallResults',
  'Code',
  'Reasoning',
  'Document',
  'Citations',
])

/** True when `name` is one of DSPy's special types (`Image`, `History`, `Code` ...). */
export function isSpecialTypeName(name: string): name is SpecialTypeName {
  return specialTypeNames.has(name)
}

/**
 * The TypeBox schema of a DSPy special type, tagged so `describeType` knows it.
 * `language` applies to `Code` only (`Code["java"]`).
 */
export function specialTypeSchema(name: SpecialTypeName, language?: string): TSchema {
  const schema = name === 'Code' || name === 'Reasoning' ? Type.String() : Type.Object({}, { additionalProperties: true })
  Object.defineProperty(schema, typeMetadataKey, {
    value: language === undefined ? { special: name } : { special: name, language },
    enumerable: true,
  })
  return schema
}
