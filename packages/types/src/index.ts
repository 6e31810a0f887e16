export { anthropicInputSchema } from './anthropic-input-schema.js'
export { coerceValue } from './coerce-value.js'
export { describeReceivedValue } from './describe-received-value.js'
export { describeType } from './describe-type.js'
export { PythonLiteralError } from './errors/python-literal-error.js'
export { SpecialTypeError, type SpecialTypeErrorOptions } from './errors/special-type-error.js'
export {
  type StructuredOutputDialect,
  StructuredOutputSchemaError,
  type StructuredOutputSchemaErrorOptions,
} from './errors/structured-output-schema-error.js'
export { TypeDefinitionError } from './errors/type-definition-error.js'
export { ValueParseError } from './errors/value-parse-error.js'
export {
  ValueValidationError,
  type ValueValidationErrorOptions,
  type ValueValidationIssue,
} from './errors/value-validation-error.js'
export { formatFieldValue } from './format-field-value.js'
export { formatJSONObject, type JSONableValue, type SerializedJSON, serializeForJSON } from './format-json-value.js'
export { geminiResponseSchema } from './gemini-response-schema.js'
export { jsonSchemaFloatDefaults } from './json-schema-float-defaults.js'
export type { JSONSchemaObject } from './json-schema-object.js'
export { loadRepairedJSON } from './load-repaired-json.js'
export { type OpenAIStrictJSONSchema, openaiStrictJSONSchema, openaiStrictSchemaLimits } from './openai-strict-json-schema.js'
export { type ParsePythonTypeOptions, parsePythonType, type TypeRegistry } from './parse-python-type.js'
export { parseValue } from './parse-value.js'
export { promptJSONSchema, promptJSONSchemaText, typeNodePromptJSONSchema, typeNodePromptJSONSchemaText } from './prompt-json-schema.js'
export { pydanticJSONSchema, typeNodePydanticJSONSchema } from './pydantic-json-schema.js'
export { type PythonJSONDumpsOptions, pythonJSONDumps } from './python-json-dumps.js'
export { parsePythonLiteral } from './python-literal.js'
export { parseFloatText, parseIntText } from './python-number-text.js'
export { pythonFloatRepr, pythonIntRepr, pythonScalarRepr, pythonStringRepr } from './python-repr.js'
export { pythonStr } from './python-str.js'
export { pythonTypeName, typeNodeName } from './python-type-name.js'
export { type PythonRepresentable, pythonValueRepr } from './python-value-repr.js'
export { selectUnionOption } from './select-union-option.js'
export { isSpecialTypeName, type SpecialTypeSchemas, specialTypeSchema } from './special-type-schema.js'
export { Audio, type AudioFields, type AudioOptions, type AudioSource } from './special-types/audio.js'
export { Citation, type CitationFields, Citations, type FormattedCitation } from './special-types/citations.js'
export { Code, extractCodeFromFence } from './special-types/code.js'
export type {
  DocumentContentPart,
  FileContentPart,
  FileContentPartFile,
  ImageURLContentPart,
  InputAudioContentPart,
  SpecialTypeContentPart,
} from './special-types/content-part.js'
export {
  customTypeEndIdentifier,
  customTypeStartIdentifier,
  serializeCustomTypeParts,
} from './special-types/custom-type-markers.js'
export { Document, type DocumentFields, type DocumentMediaType } from './special-types/document.js'
export type { FetchRemoteResourceOptions } from './special-types/fetch-remote-resource.js'
export { File, type FileFields, type FileOptions, type FileSource } from './special-types/file.js'
export { guessMimeType } from './special-types/guess-mime-type.js'
export { History, type HistoryFields, type HistoryMessage } from './special-types/history.js'
export { Image, type ImageFields, type ImageSource } from './special-types/image.js'
export { Reasoning } from './special-types/reasoning.js'
export { sniffImageMimeType } from './special-types/sniff-image-mime-type.js'
export { specialTypeDescription } from './special-types/special-type-description.js'
export { specialTypeJSONSchema } from './special-types/special-type-json-schema.js'
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
export {
  defaultStructuredOutputName,
  type StructuredOutputFields,
  type StructuredOutputSchemaOptions,
  structuredOutputPydanticSchema,
} from './structured-output-schema.js'
export { type LiteralSchemas, type ModelOptions, t } from './type-builder.js'
export { readTypeMetadata, type TypeMetadata, typeMetadataKey } from './type-metadata.js'
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
