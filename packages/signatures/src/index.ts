export { SignatureError, type SignatureErrorCode } from './errors/signature-error.js'
export { cleandoc } from './cleandoc.js'
export { inferPrefix } from './infer-prefix.js'
export { isValidFieldName } from './field-name.js'
export { describeConstraints, type FieldConstraints } from './field-constraints.js'
export {
  InputField,
  OutputField,
  SignatureField,
  type FieldDefinition,
  type FieldDirection,
  type FieldOptions,
} from './signature-field.js'
export { parseSignatureString, type ParsedStringField } from './parse-signature-string.js'
export { readSignatureState, type SignatureState } from './signature-state.js'
export {
  Signature,
  type CreateSignatureOptions,
  type FieldChanges,
  type FieldDefinitions,
  type InferInputs,
  type InferOutputs,
  type InputsOf,
  type OutputsOf,
  type ParseSignatureOptions,
  type StaticRegistry,
} from './signature.js'
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
