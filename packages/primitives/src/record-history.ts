import { getSetting } from './settings-context.js'

/** One LM call in a module's history; its shape is the LM's (prompt, messages, outputs, usage ...). */
export type HistoryEntry = object

/**
 * Adds an LM call to the history of every module whose call is running (the `callerModules`
 * setting), the same entry object in each, dropping a module's oldest entry when it holds
 * `maxHistorySize` already. Does nothing when `disableHistory` is set or `maxHistorySize` is 0.
 *
 * @see dspy.clients.base_lm.BaseLM.update_history
 */
export function recordHistory(entry: HistoryEntry): void {
  if (getSetting('disableHistory')) return
  const maxHistorySize = getSetting('maxHistorySize')
  if (maxHistorySize <= 0) return
  for (const module of getSetting('callerModules')) {
    while (module.history.length >= maxHistorySize) module.history.shift()
    module.history.push(entry)
  }
}
