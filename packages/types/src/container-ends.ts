import { isQuote } from './prepare-for-json-repair.js'

/**
 * Where every bracket of a text is closed, as `findContainerEnd` finds it, worked out for all of them in one pass
 * from the end of the text: each answer is then a lookup. Asking `findContainerEnd` for many brackets of a text
 * reads the text again from each one (quadratic for nested or unclosed brackets); this reads it twice in all.
 *
 * For each position it keeps the first closing bracket not matched after it, following the text as
 * `findContainerEnd` does (a quoted string is skipped whole, any closing bracket closes any opening one).
 */
export class ContainerEnds {
  /** For each position, the first unmatched closing bracket at or after it, or -1. */
  private readonly firstUnmatchedClose: Int32Array

  constructor(private readonly text: string) {
    const length = text.length
    const first = new Int32Array(length + 1)
    first[length] = -1
    // Where a string opened by each kind of quote (", ', “, ”) ends when its body starts just after the current
    // position (`from1`) or one further (`from2`): a backslash skips a character, and “ closes at ” or “.
    let double1 = length
    let double2 = length
    let single1 = length
    let single2 = length
    let open1 = length
    let open2 = length
    let close1 = length
    let close2 = length
    for (let index = length - 1; index >= 0; index -= 1) {
      const char = text[index] as string
      let value: number
      if (isQuote(char)) {
        const end = char === '"' ? double1 : char === "'" ? single1 : char === '“' ? open1 : close1
        value = first[end] as number
      } else if (char === '}' || char === ']' || char === ')') value = index
      else if (char === '{' || char === '[' || char === '(') {
        const match = first[index + 1] as number
        value = match === -1 ? -1 : (first[match + 1] as number)
      } else value = first[index + 1] as number
      first[index] = value
      const backslash = char === '\\'
      const here = index + 1
      const nextDouble = backslash ? double2 : char === '"' ? here : double1
      double2 = double1
      double1 = nextDouble
      const nextSingle = backslash ? single2 : char === "'" ? here : single1
      single2 = single1
      single1 = nextSingle
      const nextOpen = backslash ? open2 : char === '”' || char === '“' ? here : open1
      open2 = open1
      open1 = nextOpen
      const nextClose = backslash ? close2 : char === '”' ? here : close1
      close2 = close1
      close1 = nextClose
    }
    this.firstUnmatchedClose = first
  }

  /** `findContainerEnd(text, start)` for the opening bracket at `start`: the index just after its close, or the end of the text. */
  endOf(start: number): { end: number; closed: boolean } {
    const close = this.firstUnmatchedClose[start + 1] as number
    return close === -1 ? { end: this.text.length, closed: false } : { end: close + 1, closed: true }
  }
}
