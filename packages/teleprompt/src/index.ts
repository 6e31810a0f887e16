export { BootstrapFewShot, type BootstrapFewShotOptions, type BootstrapFewShotSettings } from './bootstrap-few-shot.js'
export {
  BootstrapFewShotWithRandomSearch,
  type BootstrapFewShotWithRandomSearchOptions,
  type CandidateProgram,
  type ProgramWithCandidates,
  type RandomSearchCompileOptions,
} from './bootstrap-few-shot-with-random-search.js'
export { COPRO, type COPROCandidate, type COPROOptions, type COPROResult, type COPROStats } from './copro.js'
export { Ensemble, EnsembledProgram, type EnsembleOptions, type EnsembleReduceFn } from './ensemble.js'
export { BootstrapError, type BootstrapErrorCode } from './errors/bootstrap-error.js'
export { CompileOptionsError, type CompileOptionsErrorCode } from './errors/compile-options-error.js'
export { EnsembleError, type EnsembleErrorCode } from './errors/ensemble-error.js'
export { InferRulesError, type InferRulesErrorCode } from './errors/infer-rules-error.js'
export { TelepromptError } from './errors/teleprompt-error.js'
export { InferRules, type InferRulesOptions } from './infer-rules.js'
export { BasicGenerateInstruction, GenerateInstructionGivenAttempts } from './instruction-signatures.js'
export { KNNFewShot, type KNNFewShotCompileOptions, type KNNFewShotOptions } from './knn-few-shot.js'
export { LabeledFewShot, type LabeledFewShotCompileOptions, type LabeledFewShotOptions } from './labeled-few-shot.js'
export type { CompileOptions, CompileProgress, Teleprompter } from './teleprompter.js'
