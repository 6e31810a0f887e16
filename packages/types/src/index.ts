export { describeType } from './describe-type.js'
export { PythonLiteralError } from './errors/python-literal-error.js'
export { SpecialTypeError, type SpecialTypeErrorOptions } from './errors/special-type-error.js'
export {
  type StructuredOutputDialect,
  StructuredOutputSchemaError,
  type StructuredOutputSchemaErrorOptions,
} from './errors/structured-output-schema-error.js'
export { TypeDefinitionError } from './errors/type-definition-error.js'
export { ValueParseError, type ValueParseErrorCode, type ValueParseErrorOptions } from './errors/value-parse-error.js'
export {
  ValueSerializationError,
  type ValueSerializationErrorCode,
  type ValueSerializationErrorOptions,
} from './errors/value-serialization-error.js'
export {
  ValueValidationError,
  type ValueValidationErrorOptions,
  type ValueValidationIssue,
} from './errors/value-validation-error.js'
export { formatFieldValue } from './format-field-value.js'
export type { JSONSchemaObject } from './json-schema-object.js'
export { type OpenAIStrictJSONSchema, openaiStrictJSONSchema } from './openai-strict-json-schema.js'
export { type ParsePythonTypeOptions, parsePythonType, type TypeRegistry } from './parse-python-type.js'
export { parseValue } from './parse-value.js'
export { promptJSONSchema, promptJSONSchemaText } from './prompt-json-schema.js'
export { pydanticJSONSchema } from './pydantic-json-schema.js'
export { pythonTypeName } from './python-type-name.js'
export { Audio, type AudioFields, type AudioOptions, type AudioSource } from './special-types/audio.js'
export { Citation, type CitationFields, Citations, type FormattedCitation } from './special-types/citations.js'
export { Code } from './special-types/code.js'
export type {
  DocumentContentPart,
  FileContentPart,
  FileContentPartFile,
  ImageURLContentPart,
  InputAudioContentPart,
  SpecialTypeContentPart,
} from './special-types/content-part.js'
export { Document, type DocumentFields, type DocumentMediaType } from './special-types/document.js'
export type { FetchRemoteResourceOptions } from './special-types/fetch-remote-resource.js'
export { File, type FileFields, type FileOptions, type FileSource } from './special-types/file.js'
export { History, type HistoryFields, type HistoryMessage } from './special-types/history.js'
export { Image, type ImageFields, type ImageSource } from './special-types/image.js'
export { Reasoning } from './special-types/reasoning.js'
export {
  Tool,
  type ToolArgumentSchemas,
  type ToolFunction,
  type ToolFunctionDefinition,
  type ToolOptions,
} from './special-types/tool.js'
export {
  ToolCallResult,
  type ToolCallResultFields,
  ToolCallResults,
  type ToolCallResultsFields,
} from './special-types/tool-call-results.js'
export {
  ToolCall,
  type ToolCallFields,
  type ToolCallFunction,
  type ToolCallFunctions,
  ToolCalls,
  type ToolCallsFields,
} from './special-types/tool-calls.js'
export type { StructuredOutputFields, StructuredOutputSchemaOptions } from './structured-output-schema.js'
export { type LiteralSchemas, type ModelOptions, t } from './type-builder.js'
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
export { validateValue } from './validate-value.js'
