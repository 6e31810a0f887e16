// Splits reasoning written inline as `<think>...</think>` out of a reply's text, for servers that run no reasoning
// parser. One incremental state machine serves both the whole-reply path and the stream path, so both agree.

/** One piece of split content: text outside the reasoning tags, or reasoning inside them. */
export interface ReasoningTagPiece {
  /** `text` for content outside the tags, `reasoning` for content inside them. */
  readonly type: 'text' | 'reasoning'
  /** The characters, never empty. */
  readonly delta: string
}

/** An incremental splitter made by {@link createReasoningTagSplitter}. */
export interface ReasoningTagSplitter {
  /** Takes the next chunk of content and returns the pieces that are now certain, in order. */
  push(chunk: string): ReasoningTagPiece[]
  /** Ends the content: returns whatever was held back (an unfinished tag, undecided text), in order. */
  end(): ReasoningTagPiece[]
}

/** The whole content split by {@link splitReasoningTags}. */
export interface SplitReasoningTagsResult {
  /** The content outside the tags, with the whitespace right after each closing tag removed. */
  readonly text: string
  /** The content of every non-empty block, joined with `\n`; `undefined` when there was none. */
  readonly reasoning: string | undefined
}

type SplitterState = 'undecided' | 'text' | 'reasoning'

/**
 * Makes an incremental splitter for reasoning wrapped in `<tagName>...</tagName>`. Tags may be split across chunks:
 * a possible start of a tag is held back until it completes or proves to be text. Content inside the tags comes out as
 * `reasoning` (blocks after the first start with `\n`), content outside as `text`, without the whitespace right after
 * a closing tag. Content that ends a block with no opening tag before it (DeepSeek-R1's templates put `<think>` in
 * the prompt) is reasoning; so until the first tag is seen, leading content is held back, and it is text when the
 * content ends with no tag at all. Every way of cutting the same content into chunks gives the same pieces joined.
 *
 * @example
 * ```ts
 * const splitter = createReasoningTagSplitter('think')
 * splitter.push('<th') // []
 * splitter.push('ink>Sky?</think>\n\nBlue') // [{ type: 'reasoning', delta: 'Sky?' }, { type: 'text', delta: 'Blue' }]
 * splitter.end() // []
 * ```
 */
export function createReasoningTagSplitter(tagName: string): ReasoningTagSplitter {
  const openingTag = `<${tagName}>`
  const closingTag = `</${tagName}>`
  let state: SplitterState = 'undecided'
  let buffer = '' // content not yet looked at past a possible tag start
  let undecided = '' // leading content before any tag: text, or reasoning if a closing tag comes first
  let trimWhitespace = false // just after a closing tag
  let blockHasReasoning = false
  let earlierBlockHadReasoning = false

  function emit(pieces: ReasoningTagPiece[], type: ReasoningTagPiece['type'], content: string): void {
    let delta = content
    if (type === 'text' && trimWhitespace) {
      delta = delta.trimStart()
      if (delta !== '') trimWhitespace = false
    }
    if (delta === '') return
    if (type === 'reasoning' && !blockHasReasoning) {
      if (earlierBlockHadReasoning) delta = `\n${delta}`
      blockHasReasoning = true
    }
    const last = pieces.at(-1)
    if (last?.type === type) pieces[pieces.length - 1] = { type, delta: last.delta + delta }
    else pieces.push({ type, delta })
  }

  function closeBlock(): void {
    earlierBlockHadReasoning ||= blockHasReasoning
    blockHasReasoning = false
    trimWhitespace = true
    state = 'text'
  }

  function push(chunk: string): ReasoningTagPiece[] {
    const pieces: ReasoningTagPiece[] = []
    buffer += chunk
    for (;;) {
      const opening = state === 'reasoning' ? -1 : buffer.indexOf(openingTag)
      const closing = state === 'text' ? -1 : buffer.indexOf(closingTag)
      const isClosing = closing !== -1 && (opening === -1 || closing < opening)
      const found = isClosing ? closing : opening
      if (found === -1) {
        const sought = state === 'text' ? [openingTag] : state === 'reasoning' ? [closingTag] : [openingTag, closingTag]
        const certain = buffer.slice(0, Math.min(...sought.map((tag) => partialTagStart(buffer, tag))))
        buffer = buffer.slice(certain.length)
        if (state === 'undecided') undecided += certain
        else emit(pieces, state, certain)
        return pieces
      }
      const before = buffer.slice(0, found)
      buffer = buffer.slice(found + (isClosing ? closingTag : openingTag).length)
      if (state === 'undecided') {
        emit(pieces, isClosing ? 'reasoning' : 'text', undecided + before)
        undecided = ''
      } else {
        emit(pieces, state, before)
      }
      if (isClosing) closeBlock()
      else state = 'reasoning'
    }
  }

  function end(): ReasoningTagPiece[] {
    const pieces: ReasoningTagPiece[] = []
    emit(pieces, state === 'reasoning' ? 'reasoning' : 'text', undecided + buffer)
    undecided = ''
    buffer = ''
    return pieces
  }

  return { push, end }
}

/**
 * Splits a whole reply's content into its text and its reasoning, as {@link createReasoningTagSplitter} does.
 *
 * @example
 * ```ts
 * splitReasoningTags('<think>Sky?</think>\n\nBlue', 'think') // { text: 'Blue', reasoning: 'Sky?' }
 * splitReasoningTags('Sky?</think>Blue', 'think') // { text: 'Blue', reasoning: 'Sky?' }
 * ```
 */
export function splitReasoningTags(content: string, tagName: string): SplitReasoningTagsResult {
  const splitter = createReasoningTagSplitter(tagName)
  let text = ''
  let reasoning: string | undefined
  for (const piece of [...splitter.push(content), ...splitter.end()]) {
    if (piece.type === 'text') text += piece.delta
    else reasoning = (reasoning ?? '') + piece.delta
  }
  return { text, reasoning }
}

/** Where the longest suffix of `content` that could begin `tag` starts; `content.length` when none could. */
function partialTagStart(content: string, tag: string): number {
  for (let start = Math.max(0, content.length - tag.length + 1); start < content.length; start++) {
    if (tag.startsWith(content.slice(start))) return start
  }
  return content.length
}
