export { ExampleError, type ExampleErrorCode } from './errors/example-error.js'
export { PredictionError, type PredictionErrorCode } from './errors/prediction-error.js'
export { ModuleError, type ModuleErrorCode } from './errors/module-error.js'
export { StateLoadError, formatStatePath, type StateLoadErrorCode, type StatePathSegment } from './errors/state-load-error.js'
export { StateSaveError, type StateSaveErrorCode } from './errors/state-save-error.js'
export { BatchError, type BatchErrorCode, type BatchFailure } from './errors/batch-error.js'
export {
  Example,
  ExampleRecord,
  isExample,
  type DictValue,
  type ExampleConstructor,
  type ExampleFields,
  type ExampleSource,
  type MergeData,
} from './example.js'
export { Prediction, PredictionRecord, isPrediction, type PredictionConstructor } from './prediction.js'
export { Completions, type CompletionColumns, type CompletionsSource } from './completions.js'
export { defaultSettings, type Settings } from './settings.js'
export type { RegisteredType, SettingsRegistry } from './settings-registry.js'
export { activeCallId, activeSignal, configure, context, getSetting, settings } from './settings-context.js'
export { processWarningLogger, type Logger } from './logger.js'
export type { Callback, CallbackKind } from './callback.js'
export { withCallbacks, type CallbackEvent } from './with-callbacks.js'
export { UsageTracker, mergeUsageEntries, type UsageByModel, type UsageEntry, type UsageValue } from './usage-tracker.js'
export { recordUsage, trackUsage, type TrackedUsage } from './track-usage.js'
export { recordTrace, type TraceEntry } from './record-trace.js'
export { recordHistory, type HistoryEntry } from './record-history.js'
export { isParameter, isPredictor, parameterMarker, predictorMarker, type Parameter, type Predictor } from './parameter.js'
export { isModule, moduleMarker } from './is-module.js'
export {
  Module,
  type BatchItem,
  type ForwardOptions,
  type ModuleCallOptions,
  type ModuleOptions,
  type NamedSubModulesOptions,
} from './module.js'
export { runBatch, type BatchOptions, type BatchOutcome, type BatchResult, type RunBatchHooks } from './batch.js'
export { getAttributeByName, setAttributeByName } from './attribute-path.js'
export { dependencyVersions, formatStateJson } from './state-json.js'
export { readStateFile, writeStateFile, type SavedStateFile } from './state-file.js'
export { normalizeText, splitWhitespace } from './normalize-text.js'
export { PythonRandom } from './python-random.js'
export { PythonRandomError, type PythonRandomErrorCode } from './errors/python-random-error.js'
