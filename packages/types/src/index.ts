export { DSPexError, type DSPexErrorOptions } from './errors/dspex-error.js'
export { TypeDefinitionError } from './errors/type-definition-error.js'
export type {
  DictNode,
  EnumMember,
  EnumNode,
  ListNode,
  LiteralNode,
  LiteralValue,
  ModelField,
  ModelNode,
  SpecialNode,
  SpecialTypeName,
  TupleNode,
  TypeNode,
  UnionNode,
} from './type-node.js'
export { typeMetadataKey, readTypeMetadata, type TypeMetadata } from './type-metadata.js'
export { describeType } from './describe-type.js'
export { t, type LiteralSchemas, type ModelOptions } from './type-builder.js'
export { pythonTypeName, typeNodeName } from './python-type-name.js'
export { pythonFloatRepr, pythonIntRepr, pythonScalarRepr, pythonStringRepr } from './python-repr.js'
export { pythonJsonDumps, type PythonJsonDumpsOptions } from './python-json-dumps.js'
export { parsePythonType, type ParsePythonTypeOptions, type TypeRegistry } from './parse-python-type.js'
export { isSpecialTypeName, specialTypeSchema } from './special-type-schema.js'
export { formatFieldValue } from './format-field-value.js'
export { formatJsonObject, serializeForJson, type JsonableValue, type SerializedJson } from './format-json-value.js'
export { pythonStr } from './python-str.js'
export { selectUnionOption } from './select-union-option.js'
export type { JsonSchemaObject } from './json-schema-object.js'
export { pydanticJsonSchema, typeNodePydanticJsonSchema } from './pydantic-json-schema.js'
export { promptJsonSchema, promptJsonSchemaText, typeNodePromptJsonSchema, typeNodePromptJsonSchemaText } from './prompt-json-schema.js'
export { jsonSchemaFloatDefaults } from './json-schema-float-defaults.js'
export {
  defaultStructuredOutputName,
  structuredOutputPydanticSchema,
  type StructuredOutputFields,
  type StructuredOutputSchemaOptions,
} from './structured-output-schema.js'
export { openaiStrictJsonSchema, openaiStrictSchemaLimits, type OpenAIStrictJsonSchema } from './openai-strict-json-schema.js'
export { geminiResponseSchema } from './gemini-response-schema.js'
export { anthropicInputSchema } from './anthropic-input-schema.js'
export {
  StructuredOutputSchemaError,
  type StructuredOutputDialect,
  type StructuredOutputSchemaErrorOptions,
} from './errors/structured-output-schema-error.js'
