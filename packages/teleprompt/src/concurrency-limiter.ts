/**
 * A first-come, first-served limit on how many tasks run at once, shared by the parts of one
 * compile (the bootstraps and evaluations of several candidates) so they stay under one
 * `concurrency` budget together.
 */
export class ConcurrencyLimiter {
  /** How many tasks may run at once. */
  readonly limit: number
  #running = 0
  readonly #waiting: (() => void)[] = []

  constructor(limit: number) {
    this.limit = limit
  }

  /** Runs `task` once a slot is free (in the order `run` was called) and frees the slot after. */
  async run<Result>(task: () => Promise<Result>): Promise<Result> {
    if (this.#running >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    else this.#running += 1
    try {
      return await task()
    } finally {
      const next = this.#waiting.shift()
      if (next === undefined) this.#running -= 1
      else next()
    }
  }
}
