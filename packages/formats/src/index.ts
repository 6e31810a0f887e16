export {
  Adapter,
  type AdapterCallPlan,
  type AdapterOptions,
  type AdapterRequestOptions,
  type NativeResponseType,
  type UserMessageOptions,
} from './adapter.js'
export {
  type AdapterCallOptions,
  type AdapterModel,
  type AdapterOutputs,
  type AdapterRequest,
  type AnySignature,
  type FieldValues,
  isAPIError,
} from './adapter-model.js'
export { applyOutputFieldDefaults } from './apply-output-field-defaults.js'
export { ChatAdapter, type ChatAdapterOptions } from './chat-adapter.js'
export { AdapterConfigurationError } from './errors/adapter-configuration-error.js'
export { AdapterParseError, type AdapterParseErrorOptions } from './errors/adapter-parse-error.js'
export { XMLSyntaxError, type XMLSyntaxErrorOptions } from './errors/xml-syntax-error.js'
export { expandCustomTypeMarkers } from './expand-custom-type-markers.js'
export { fieldDescriptionList } from './field-description.js'
export { firstJSONObjectText } from './first-json-object-text.js'
export { JSONAdapter } from './json-adapter.js'
export { type FieldSection, parseFieldSections } from './parse-field-sections.js'
export { outputTypeHint, outputValueNote, translateFieldType } from './translate-field-type.js'
export { TwoStepAdapter } from './two-step-adapter.js'
export { XMLAdapter } from './xml-adapter.js'
