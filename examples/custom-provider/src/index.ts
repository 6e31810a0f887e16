export { convertToEchoPrompt } from './convert-to-echo-prompt.js'
export { mapEchoError } from './echo-error.js'
export { createEcho, type EchoProvider, type EchoProviderSettings } from './echo-provider.js'
