export { SignatureError, type SignatureErrorCode } from './errors/signature-error.js'
export type { FieldConstraints } from './field-constraints.js'
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
export type { SignatureState } from './signature-state.js'
