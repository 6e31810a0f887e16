export { cleandoc } from './cleandoc.js'
export { SignatureError, type SignatureErrorCode } from './errors/signature-error.js'
export { describeConstraints, type FieldConstraints } from './field-constraints.js'
export { isValidFieldName } from './field-name.js'
export { inferPrefix } from './infer-prefix.js'
export type {
  AudioValue,
  CitationsValue,
  DocumentValue,
  FileValue,
  HistoryValue,
  ImageValue,
  PythonTypeToStatic,
  SignatureInputs,
  SignatureOutputs,
  StaticOfSchemaFields,
  ToolCallResultsValue,
  ToolCallsValue,
} from './infer-signature-types.js'
export { type ParsedStringField, parseSignatureString } from './parse-signature-string.js'
export {
  type CreateSignatureOptions,
  type FieldChanges,
  type FieldDefinitions,
  type InferInputs,
  type InferOutputs,
  type InputsOf,
  type OutputsOf,
  type ParseSignatureOptions,
  Signature,
  type StaticRegistry,
} from './signature.js'
export {
  type FieldDefinition,
  type FieldDirection,
  type FieldOptions,
  InputField,
  OutputField,
  SignatureField,
} from './signature-field.js'
export { readSignatureState, type SignatureState } from './signature-state.js'
