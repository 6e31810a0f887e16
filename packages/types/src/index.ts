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
export { PythonLiteralError } from './errors/python-literal-error.js'
export {
  ValueValidationError,
  type ValueValidationErrorOptions,
  type ValueValidationIssue,
} from './errors/value-validation-error.js'
export { ValueParseError } from './errors/value-parse-error.js'
export { parsePythonLiteral } from './python-literal.js'
export { coerceValue } from './coerce-value.js'
export { parseValue } from './parse-value.js'
export { validateValue } from './validate-value.js'
export { loadRepairedJson } from './load-repaired-json.js'
export { pythonValueRepr, type PythonRepresentable } from './python-value-repr.js'
export { describeReceivedValue } from './describe-received-value.js'
export { parseIntText, parseFloatText } from './python-number-text.js'
export { SpecialTypeError, type SpecialTypeErrorOptions } from './errors/special-type-error.js'
export { isSpecialTypeName, specialTypeSchema, type SpecialTypeSchemas } from './special-type-schema.js'
export { Image, type ImageFields, type ImageSource } from './special-types/image.js'
export { Audio, type AudioFields, type AudioOptions, type AudioSource } from './special-types/audio.js'
export { File, type FileFields, type FileOptions, type FileSource } from './special-types/file.js'
export { History, type HistoryFields, type HistoryMessage } from './special-types/history.js'
export {
  Tool,
  type ToolArgumentSchemas,
  type ToolFunction,
  type ToolFunctionDefinition,
  type ToolOptions,
} from './special-types/tool.js'
export {
  ToolCall,
  ToolCalls,
  type ToolCallFields,
  type ToolCallFunction,
  type ToolCallFunctions,
  type ToolCallsFields,
} from './special-types/tool-calls.js'
export {
  ToolCallResult,
  ToolCallResults,
  type ToolCallResultFields,
  type ToolCallResultsFields,
} from './special-types/tool-call-results.js'
export { Code, extractCodeFromFence } from './special-types/code.js'
export { Reasoning } from './special-types/reasoning.js'
export { Document, type DocumentFields, type DocumentMediaType } from './special-types/document.js'
export { Citation, Citations, type CitationFields, type FormattedCitation } from './special-types/citations.js'
export type {
  DocumentContentPart,
  FileContentPart,
  FileContentPartFile,
  ImageUrlContentPart,
  InputAudioContentPart,
  SpecialTypeContentPart,
} from './special-types/content-part.js'
export {
  customTypeEndIdentifier,
  customTypeStartIdentifier,
  serializeCustomTypeParts,
} from './special-types/custom-type-markers.js'
export { specialTypeJsonSchema } from './special-types/special-type-json-schema.js'
export { specialTypeDescription } from './special-types/special-type-description.js'
export { guessMimeType } from './special-types/guess-mime-type.js'
export { sniffImageMimeType } from './special-types/sniff-image-mime-type.js'
export type { FetchRemoteResourceOptions } from './special-types/fetch-remote-resource.js'
