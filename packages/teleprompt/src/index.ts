export type { CompileOptions, CompileProgress, Teleprompter } from './teleprompter.js'
export { TelepromptError } from './errors/teleprompt-error.js'
export { CompileOptionsError, type CompileOptionsErrorCode } from './errors/compile-options-error.js'
export { BootstrapError, type BootstrapErrorCode } from './errors/bootstrap-error.js'
export { LabeledFewShot, labeledFewShot, type LabeledFewShotCompileOptions, type LabeledFewShotOptions } from './labeled-few-shot.js'
export {
  BootstrapFewShot,
  bootstrapFewShot,
  type BootstrapFewShotOptions,
  type BootstrapFewShotSettings,
} from './bootstrap-few-shot.js'
export {
  BootstrapFewShotWithRandomSearch,
  type BootstrapFewShotWithRandomSearchOptions,
  type CandidateProgram,
  type ProgramWithCandidates,
  type RandomSearchCompileOptions,
} from './bootstrap-few-shot-with-random-search.js'
export { collectTraces, type CollectTracesOptions, type CollectedTraces } from './collect-traces.js'
export { selectDemos, type SelectDemosOptions } from './select-demos.js'
export { KNNFewShot, type KNNFewShotCompileOptions, type KNNFewShotOptions } from './knn-few-shot.js'
export { Ensemble, EnsembledProgram, type EnsembleOptions, type EnsembleReduceFn } from './ensemble.js'
export { EnsembleError, type EnsembleErrorCode } from './errors/ensemble-error.js'
export { COPRO, formatAttempts, type COPROCandidate, type COPROOptions, type COPROResult, type COPROStats } from './copro.js'
export { BasicGenerateInstruction, GenerateInstructionGivenAttempts } from './instruction-signatures.js'
export { InferRules, formatExamples, type InferRulesOptions } from './infer-rules.js'
export { rulesInductionSignature } from './infer-rules-signature.js'
export { InferRulesError, type InferRulesErrorCode } from './errors/infer-rules-error.js'
