import type { TSchema } from 'typebox'
import type { SpecialTypeName } from './type-node.js'

/** The schema key under which DSPex keeps DSPy-specific facts about a type. Removed from JSON Schemas we emit. */
export const typeMetadataKey = 'x-dspy'

/** DSPy-specific facts about a type that JSON Schema alone cannot say. */
export interface TypeMetadata {
  /** One of DSPy's special types. */
  readonly special?: SpecialTypeName
  /** For `Code`: the language. */
  readonly language?: string
  /** For a named enum: the member names, in the order of the schema's `enum` values. */
  readonly enumMemberNames?: readonly string[]
  /** How Python spelled a union: `Union[...]`/`Optional[...]` (default) or `A | B`. */
  readonly unionSyntax?: 'typing' | 'pep604'
  /** Python's name for a type declared with a name in a type registry (custom types). */
  readonly pythonName?: string
}

/** Reads the DSPy metadata of a schema (an empty object when there is none). */
export function readTypeMetadata(schema: TSchema): TypeMetadata {
  const value = (schema as Record<string, unknown>)[typeMetadataKey]
  return typeof value === 'object' && value !== null ? (value as TypeMetadata) : {}
}
