import type { TSchema } from 'typebox'
import { type AudioValueSchema, audioValueSchema } from './special-types/audio.js'
import { type CitationsValueSchema, citationsValueSchema } from './special-types/citations.js'
import { type CodeValueSchema, codeValueSchema } from './special-types/code.js'
import { type DocumentValueSchema, documentValueSchema } from './special-types/document.js'
import { type FileValueSchema, fileValueSchema } from './special-types/file.js'
import { type HistoryValueSchema, historyValueSchema } from './special-types/history.js'
import { type ImageValueSchema, imageValueSchema } from './special-types/image.js'
import { type ReasoningValueSchema, reasoningValueSchema } from './special-types/reasoning.js'
import { type ToolValueSchema, toolValueSchema } from './special-types/tool.js'
import { type ToolCallResultsValueSchema, toolCallResultsValueSchema } from './special-types/tool-call-results.js'
import { type ToolCallsValueSchema, toolCallsValueSchema } from './special-types/tool-calls.js'
import { typeMetadataKey } from './type-metadata.js'
import type { SpecialTypeName } from './type-node.js'

/** The TypeBox schema of each special type's value, by type name. */
export interface SpecialTypeSchemas {
  Image: ImageValueSchema
  Audio: AudioValueSchema
  File: FileValueSchema
  History: HistoryValueSchema
  Tool: ToolValueSchema
  ToolCalls: ToolCallsValueSchema
  ToolCallResults: ToolCallResultsValueSchema
  Code: CodeValueSchema
  Reasoning: ReasoningValueSchema
  Document: DocumentValueSchema
  Citations: CitationsValueSchema
}

const valueSchemas: { readonly [Name in SpecialTypeName]: () => SpecialTypeSchemas[Name] } = {
  Image: imageValueSchema,
  Audio: audioValueSchema,
  File: fileValueSchema,
  History: historyValueSchema,
  Tool: toolValueSchema,
  ToolCalls: toolCallsValueSchema,
  ToolCallResults: toolCallResultsValueSchema,
  Code: codeValueSchema,
  Reasoning: reasoningValueSchema,
  Document: documentValueSchema,
  Citations: citationsValueSchema,
}

/** True when `name` is one of DSPy's special types (`Image`, `History`, `Code` ...). */
export function isSpecialTypeName(name: string): name is SpecialTypeName {
  return Object.hasOwn(valueSchemas, name)
}

/**
 * The TypeBox schema of a DSPy special type's value (e.g. `{ url: string }` for `Image`, a string
 * for `Code`), tagged so `describeType` knows it. `language` applies to `Code` only (`Code["java"]`).
 * Each call returns a new schema.
 */
export function specialTypeSchema<Name extends SpecialTypeName>(name: Name, language?: string): SpecialTypeSchemas[Name] {
  const schema: TSchema = valueSchemas[name]()
  Object.defineProperty(schema, typeMetadataKey, {
    value: language === undefined ? { special: name } : { special: name, language },
    enumerable: true,
  })
  return schema as SpecialTypeSchemas[Name]
}
