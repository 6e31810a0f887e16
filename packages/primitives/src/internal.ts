// What @dspex/evaluate and @dspex/predict share with this package: the batch engine behind Module.batch and
// Evaluate, and DSPy's answer normalisation (@dspex/evaluate exports normalizeText to users). Not a public API:
// these names may change in any release.
export { type BatchOutcome, type RunBatchHooks, runBatch } from './batch.js'
export { normalizeText, splitWhitespace } from './normalize-text.js'
