/**
 * A list that keeps its last `limit` entries, with appends in amortised constant time: old
 * entries are dropped in one copy once `limit` of them have piled up, rather than shifting the
 * whole list on every append (the cost DSPy pays with `list.pop(0)` on its 10,000-entry history).
 */
export class BoundedHistory<Entry> {
  #items: Entry[] = []
  #start = 0

  /** `limit` entries are kept; 0 keeps nothing. */
  constructor(readonly limit: number) {}

  /** Appends `entry`, dropping the oldest beyond the limit. */
  push(entry: Entry): void {
    if (this.limit <= 0) return
    this.#items.push(entry)
    if (this.#items.length - this.#start > this.limit) this.#start += 1
    if (this.#start >= this.limit) {
      this.#items = this.#items.slice(this.#start)
      this.#start = 0
    }
  }

  /** The kept entries, oldest first. */
  entries(): readonly Entry[] {
    return this.#start === 0 ? this.#items : this.#items.slice(this.#start)
  }

  /** How many entries are kept. */
  get length(): number {
    return this.#items.length - this.#start
  }

  /** Drops every entry. */
  clear(): void {
    this.#items = []
    this.#start = 0
  }
}
