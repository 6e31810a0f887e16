export { DSPexError, type DSPexErrorOptions } from './errors/dspex-error.js'
