export { type Callback, type CallbackEvent, type CallbackKind, withCallbacks, withCallbacksSync } from '@dspex/core'
export type { BatchOptions, BatchResult } from './batch.js'
export { BatchError, type BatchErrorCode, type BatchFailure } from './errors/batch-error.js'
export { ExampleError, type ExampleErrorCode } from './errors/example-error.js'
export { ModuleError, type ModuleErrorCode } from './errors/module-error.js'
export { PredictionError, type PredictionErrorCode } from './errors/prediction-error.js'
export { PythonRandomError, type PythonRandomErrorCode } from './errors/python-random-error.js'
export { StateLoadError, type StateLoadErrorCode, type StatePathSegment } from './errors/state-load-error.js'
export { StateSaveError, type StateSaveErrorCode } from './errors/state-save-error.js'
export {
  type DictValue,
  Example,
  type ExampleConstructor,
  type ExampleFields,
  ExampleRecord,
  type ExampleSource,
  type MergeData,
} from './example.js'
export { isExample } from './is-example.js'
export type { Logger } from './logger.js'
export {
  type BatchItem,
  type ForwardOptions,
  Module,
  type ModuleCallOptions,
  type ModuleOptions,
  type NamedSubModulesOptions,
} from './module.js'
export { type Parameter, type Predictor, parameterMarker, predictorMarker } from './parameter.js'
export {
  type CompletionColumns,
  Completions,
  type CompletionsSource,
  isPrediction,
  Prediction,
  type PredictionConstructor,
  PredictionRecord,
} from './prediction.js'
export { PythonRandom } from './python-random.js'
export { type HistoryEntry, recordHistory } from './record-history.js'
export { recordTrace, type TraceEntry } from './record-trace.js'
export { defaultSettings, type Settings } from './settings.js'
export { activeCallId, activeSignal, configure, context, getSetting, settings } from './settings-context.js'
export type { RegisteredType, SettingsRegistry } from './settings-registry.js'
export { recordUsage, type TrackedUsage, trackUsage } from './track-usage.js'
export { type UsageByModel, type UsageEntry, UsageTracker, type UsageValue } from './usage-tracker.js'
