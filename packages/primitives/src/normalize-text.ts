/** The characters of Python's `string.punctuation` (ASCII punctuation). */
const punctuation = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g

/** The articles as whole words, with Python's Unicode-aware `\b` (word characters: letters, digits, `_`). */
const articles = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu

/** The characters Python's `str.split()` treats as whitespace. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Python counts the separators U+001C..U+001F as whitespace.
const whitespace = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u

/**
 * Normalizes text before comparing answers, as DSPy does: Unicode NFD, lower case, ASCII
 * punctuation removed, the articles "a", "an" and "the" removed as whole words, and runs of
 * whitespace collapsed to one space (trimmed at both ends).
 *
 * @example
 * ```ts
 * normalizeText('The,  Eiffel  Tower!') // 'eiffel tower'
 * ```
 * @see dspy.evaluate.metrics.normalize_text
 */
export function normalizeText(text: string): string {
  const lowered = text.normalize('NFD').toLowerCase()
  const withoutArticles = lowered.replace(punctuation, '').replace(articles, ' ')
  return splitWhitespace(withoutArticles).join(' ')
}

/**
 * The words of `text` split on whitespace as Python's `str.split()` splits them (no empty words).
 */
export function splitWhitespace(text: string): string[] {
  return text.split(whitespace).filter((word) => word.length > 0)
}
