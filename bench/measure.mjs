// @ts-check
import { Bench } from 'tinybench'

/**
 * Measures the CPU time of one call of each function, in microseconds: each benchmark iteration runs
 * `batch` calls so the timer's own cost is spread thin; the median iteration is reported.
 * @param {Record<string, () => unknown>} functions by name
 * @param {{ batch?: number, time?: number }} [options]
 * @returns {Promise<Record<string, number>>} microseconds per call, by name
 */
export async function microsecondsPerCall(functions, { batch = 100, time = 1500 } = {}) {
  const bench = new Bench({ time, warmupTime: 300 })
  for (const [name, run] of Object.entries(functions)) {
    bench.add(name, () => {
      for (let index = 0; index < batch; index += 1) run()
    })
  }
  await bench.run()
  /** @type {Record<string, number>} */
  const results = {}
  for (const task of bench.tasks) {
    const result = /** @type {any} */ (task.result)
    if (result.state !== 'completed') throw new Error(`benchmark ${task.name} did not complete: ${result.error ?? result.state}`)
    results[task.name] = (result.latency.p50 * 1000) / batch
  }
  return results
}

/**
 * Prints one measure in the form CI and readers expect: `bench: NAME VALUE UNIT (comparison)`.
 * @param {string} name
 * @param {number} value
 * @param {string} unit
 * @param {string} comparison
 */
export function report(name, value, unit, comparison) {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  console.log(`bench: ${name} ${value.toFixed(digits)} ${unit} (${comparison})`)
}
