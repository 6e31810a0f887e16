export type { Callback, CallbackKind } from './callbacks/callback.js'
export {
  type CallbackEvent,
  type CallbackRunner,
  hasCallbacks,
  setCallbackRunner,
  withCallbacks,
  withCallbacksSync,
} from './callbacks/with-callbacks.js'
export { DSPexError, type DSPexErrorJSON, type DSPexErrorOptions } from './errors/dspex-error.js'
