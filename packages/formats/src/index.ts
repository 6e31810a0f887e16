export {
  Adapter,
  type AdapterCallPlan,
  type AdapterOptions,
  type AdapterRequestOptions,
  type NativeResponseType,
  type UserMessageOptions,
} from './adapter.js'
export type {
  AdapterCallOptions,
  AdapterModel,
  AdapterOutputs,
  AdapterRequest,
  AnySignature,
  FieldValues,
} from './adapter-model.js'
export { ChatAdapter, type ChatAdapterOptions } from './chat-adapter.js'
export { AdapterConfigurationError } from './errors/adapter-configuration-error.js'
export { AdapterParseError, type AdapterParseErrorOptions } from './errors/adapter-parse-error.js'
export { XMLSyntaxError, type XMLSyntaxErrorCode, type XMLSyntaxErrorOptions } from './errors/xml-syntax-error.js'
export { JSONAdapter } from './json-adapter.js'
export { TwoStepAdapter } from './two-step-adapter.js'
export { XMLAdapter } from './xml-adapter.js'
