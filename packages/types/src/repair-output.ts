import { TextBuilder } from './text-builder.js'

/** Space, tab, line feed and carriage return: the whitespace JSON repair looks past at the end of its output. */
function isWhitespaceCode(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d
}

/** How many recent pieces stay apart (editable in constant time); older ones are settled into joined text. */
const recentPieces = 64
/** How many pieces are kept before the older ones are settled (in batches, so settling costs little per piece). */
const maxPieces = 2048

/**
 * The JSON text a repair writes over the text it reads. Every edit a repair makes lands near the end: drop what
 * was written since a point, put a missing comma or bracket before the trailing whitespace, drop the last comma.
 * So the last pieces written are kept apart, where such an edit takes constant time (or time in the whitespace it
 * looks past), and older ones are joined in batches; rewriting the whole text for each edit, as a plain string
 * would, is quadratic. Text copied unchanged from the source grows one open range while the copies follow each
 * other, so an unchanged source costs one slice. Whitespace pieces are flagged, so inserts before them stay
 * cheap. An edit that reaches back into the joined text still does what it says, by taking it apart again.
 */
export class RepairOutput {
  private settled = new TextBuilder()
  private pieces: string[] = []
  private blank: boolean[] = []
  /** The range of the source being copied (not yet a piece): from `rangeStart` to `rangeEnd`, or none when equal. */
  private rangeStart = 0
  private rangeEnd = 0
  private rangeBlank = true
  private total = 0

  constructor(private readonly source: string) {}

  /** How many characters have been written: a point {@link RepairOutput.truncate} can go back to. */
  get length(): number {
    return this.total
  }

  /** Appends the source text from `start` to `end`, unchanged. */
  copy(start: number, end: number): void {
    this.copyRange(start, end, false)
  }

  /** Appends whitespace copied from the source between `start` and `end`. */
  copyWhitespace(start: number, end: number): void {
    this.copyRange(start, end, true)
  }

  /** Appends text of the repair's own. */
  push(text: string): void {
    if (text === '') return
    this.closeRange()
    this.total += text.length
    this.pushPiece(text, false)
  }

  /** Drops everything written after the first `length` characters. */
  truncate(length: number): void {
    this.closeRange()
    while (this.total > length && this.pieces.length > 0) {
      const piece = this.pieces.pop() as string
      const blank = this.blank.pop() as boolean
      this.total -= piece.length
      if (this.total < length) {
        this.pieces.push(piece.slice(0, length - this.total))
        this.blank.push(blank)
        this.total = length
      }
    }
    if (this.total > length) {
      const settled = this.settled.toString().slice(0, length)
      this.settled = new TextBuilder()
      this.settled.add(settled)
      this.total = length
    }
  }

  /** Puts `text` before the whitespace the output ends with (at the very end when there is none). */
  insertBeforeTrailingWhitespace(text: string): void {
    this.closeRange()
    let index = this.pieces.length
    for (;;) {
      if (index === 0) {
        if (this.settled.length === 0) break
        index = this.unsettle() + 1
        continue
      }
      const piece = this.pieces[index - 1] as string
      if (this.blank[index - 1] === true || piece === '') {
        index -= 1
        continue
      }
      let end = piece.length
      while (end > 0 && isWhitespaceCode(piece.charCodeAt(end - 1))) end -= 1
      if (end === 0) {
        index -= 1
        continue
      }
      if (end < piece.length) {
        // A piece ending in whitespace (a string closed before its trailing spaces): split it there.
        this.pieces.splice(index - 1, 1, piece.slice(0, end), piece.slice(end))
        this.blank.splice(index - 1, 1, false, true)
      }
      break
    }
    this.pieces.splice(index, 0, text)
    this.blank.splice(index, 0, false)
    this.total += text.length
  }

  /** Removes the last occurrence of the character `char`, if any. */
  stripLast(char: string): void {
    this.closeRange()
    const index = this.lastPieceWith(char)
    if (index === -1) return
    const piece = this.pieces[index] as string
    const at = piece.lastIndexOf(char)
    this.pieces[index] = piece.slice(0, at) + piece.slice(at + 1)
    this.total -= 1
  }

  /** Removes the last occurrence of the character `char` and everything after it, if it occurs. */
  stripFromLast(char: string): void {
    this.closeRange()
    const index = this.lastPieceWith(char)
    if (index === -1) return
    let removed = 0
    for (let later = index + 1; later < this.pieces.length; later += 1) removed += (this.pieces[later] as string).length
    const piece = this.pieces[index] as string
    const at = piece.lastIndexOf(char)
    this.pieces[index] = piece.slice(0, at)
    this.pieces.length = index + 1
    this.blank.length = index + 1
    this.total -= removed + piece.length - at
  }

  /** Removes the character at `position` (counted in the whole text written), if there is one. */
  removeCharacterAt(position: number): void {
    if (position < 0 || position >= this.total) return
    this.closeRange()
    let start = this.total
    for (let index = this.pieces.length - 1; index >= 0; index -= 1) {
      const piece = this.pieces[index] as string
      start -= piece.length
      if (start <= position) {
        const at = position - start
        this.pieces[index] = piece.slice(0, at) + piece.slice(at + 1)
        this.total -= 1
        return
      }
    }
    const settled = this.settled.toString()
    this.settled = new TextBuilder()
    this.settled.add(settled.slice(0, position) + settled.slice(position + 1))
    this.total -= 1
  }

  /** True when the output ends with a comma or a line feed, then only spaces, tabs or carriage returns. */
  endsWithCommaOrNewline(): boolean {
    this.closeRange()
    for (let index = this.pieces.length; index >= 0; index -= 1) {
      const piece = index === 0 ? this.settled.toString() : (this.pieces[index - 1] as string)
      for (let at = piece.length - 1; at >= 0; at -= 1) {
        const char = piece[at]
        if (char === ' ' || char === '\t' || char === '\r') continue
        return char === ',' || char === '\n'
      }
    }
    return false
  }

  /** Puts `before` in front of everything written and `after` behind it. */
  wrap(before: string, after: string): void {
    this.closeRange()
    const settled = this.settled.toString()
    this.settled = new TextBuilder()
    this.settled.add(before + settled)
    this.total += before.length
    this.push(after)
  }

  /** The text written. */
  toString(): string {
    this.closeRange()
    if (this.settled.length === 0 && this.pieces.length === 1) return this.pieces[0] as string
    for (const piece of this.pieces) this.settled.add(piece)
    this.pieces = []
    this.blank = []
    return this.settled.toString()
  }

  private copyRange(start: number, end: number, blank: boolean): void {
    if (end <= start) return
    this.total += end - start
    // A copy continues the open range when it follows on in the source (whitespace after text, or text after
    // text; text after whitespace starts anew, so that whitespace stays a piece of its own).
    if (this.rangeEnd > this.rangeStart && this.rangeEnd === start && (blank || !this.rangeBlank)) {
      this.rangeEnd = end
      return
    }
    this.closeRange()
    this.rangeStart = start
    this.rangeEnd = end
    this.rangeBlank = blank
  }

  /** Makes the open range a piece. */
  private closeRange(): void {
    if (this.rangeEnd <= this.rangeStart) return
    const piece = this.source.slice(this.rangeStart, this.rangeEnd)
    this.rangeStart = this.rangeEnd
    const last = this.pieces.length - 1
    if (this.rangeBlank && last >= 0 && this.blank[last] === true) this.pieces[last] += piece
    else this.pushPiece(piece, this.rangeBlank)
  }

  private pushPiece(piece: string, blank: boolean): void {
    this.pieces.push(piece)
    this.blank.push(blank)
    if (this.pieces.length > maxPieces) this.settle()
  }

  /** The index of the last piece holding `char`, taking the settled text apart if it must be searched; -1 when none. */
  private lastPieceWith(char: string): number {
    for (let index = this.pieces.length - 1; ; index -= 1) {
      if (index < 0) {
        if (this.settled.toString().lastIndexOf(char) === -1) return -1
        index = this.unsettle()
      }
      if ((this.pieces[index] as string).lastIndexOf(char) !== -1) return index
    }
  }

  /** Joins the oldest pieces into the settled text, keeping the most recent ones apart. */
  private settle(): void {
    const count = this.pieces.length - recentPieces
    for (let index = 0; index < count; index += 1) this.settled.add(this.pieces[index] as string)
    this.pieces = this.pieces.slice(count)
    this.blank = this.blank.slice(count)
  }

  /** Makes the settled text the first piece again, for an edit that reaches back into it; returns 0, its index. */
  private unsettle(): number {
    this.pieces.unshift(this.settled.toString())
    this.blank.unshift(false)
    this.settled = new TextBuilder()
    return 0
  }
}
