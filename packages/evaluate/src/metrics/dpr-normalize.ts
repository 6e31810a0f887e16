/**
 * The token pattern of DPR's `SimpleTokenizer`: a run of letters, digits and combining marks, or
 * any single character that is neither a separator nor a control/format/unassigned character.
 */
const dprToken = /[\p{L}\p{N}\p{M}]+|[^\p{Z}\p{C}]/gu

/**
 * Tokenizes text as DPR does for answer matching (Unicode NFD, then DPR's simple tokenizer) and
 * returns the tokens in lower case.
 *
 * @example
 * ```ts
 * dprNormalize('Eiffel Tower, Paris!') // ['eiffel', 'tower', ',', 'paris', '!']
 * ```
 * @see dspy.dsp.utils.dpr.DPR_normalize
 */
export function dprNormalize(text: string): string[] {
  return Array.from(text.normalize('NFD').matchAll(dprToken), (match) => match[0].toLowerCase())
}

/**
 * True when one of the tokenized answers occurs as a contiguous run of the DPR tokens of `text`.
 * An answer with no tokens occurs everywhere, as in DPR.
 *
 * @see dspy.dsp.utils.dpr.has_answer
 */
export function hasAnswer(tokenizedAnswers: readonly (readonly string[])[], text: string): boolean {
  const tokens = dprNormalize(text)
  return tokenizedAnswers.some((answer) => {
    for (let start = 0; start + answer.length <= tokens.length; start += 1) {
      if (answer.every((token, offset) => tokens[start + offset] === token)) return true
    }
    return false
  })
}
