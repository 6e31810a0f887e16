import type { TSchema } from 'typebox'
import { describeType } from './describe-type.js'
import type { JSONSchemaObject } from './json-schema-object.js'
import { typeNodePydanticJSONSchema } from './pydantic-json-schema.js'
import { sortPydanticKeys } from './pydantic-sort-keys.js'
import type { ModelNode } from './type-node.js'

/** The output fields of a signature by name, in order: what a structured-output schema describes. */
export type StructuredOutputFields = Readonly<Record<string, TSchema>>

/** Options shared by the structured-output schema builders. */
export interface StructuredOutputSchemaOptions {
  /** The name of the response object (`DSPyProgramOutputs`, as DSPy names it, by default). */
  readonly name?: string
}

/** The name DSPy gives the model of a signature's outputs. */
export const defaultStructuredOutputName = 'DSPyProgramOutputs'

/**
 * The pydantic JSON Schema of the model DSPy builds from a signature's output fields for
 * structured outputs (`pydantic.create_model(name, __config__=ConfigDict(extra="forbid"), ...)`):
 * every field required, titles from field names, `additionalProperties: false` at the top.
 * Not cached: the dialect builders cache their results.
 *
 * @throws {TypeDefinitionError} as {@link pydanticJSONSchema} does.
 * @see dspy.adapters.json_adapter._get_structured_outputs_response_format
 */
export function structuredOutputPydanticSchema(fields: StructuredOutputFields, name: string): JSONSchemaObject {
  const node: ModelNode = {
    kind: 'model',
    name,
    description: undefined,
    fields: Object.entries(fields).map(([fieldName, schema]) => ({
      name: fieldName,
      type: describeType(schema),
      required: true,
      hasDefault: false,
    })),
  }
  return sortPydanticKeys({ ...typeNodePydanticJSONSchema(node), additionalProperties: false })
}

/**
 * A cache of one value per output-fields object and name, so a signature's schema is built once.
 * The fields object is held weakly.
 */
export class StructuredOutputCache<Value> {
  readonly #entries = new WeakMap<object, Map<string, Value>>()

  /** The cached value for `fields` and `name`, built by `build` on first use. */
  get(fields: StructuredOutputFields, name: string, build: () => Value): Value {
    let byName = this.#entries.get(fields)
    if (byName === undefined) {
      byName = new Map()
      this.#entries.set(fields, byName)
    }
    const cached = byName.get(name)
    if (cached !== undefined) return cached
    const value = build()
    byName.set(name, value)
    return value
  }
}
