const intPattern = /^[+-]?\d+(?:_\d+)*(?:\.0+)?$/
// No nested quantifiers (`\d+\.?\d*` would try every split of a long digit run before failing).
const floatPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const specialFloatPattern = /^([+-]?)(inf|infinity|nan)$/i

/**
 * Reads an int from text as pydantic's lax mode does: surrounding whitespace ignored, an optional
 * sign, digits with single underscores between them, and an optional all-zero fraction (`"3.0"`).
 * Returns undefined for anything else (`"3.5"`, `"1e3"`, `"0x10"`).
 */
export function parseIntText(text: string): number | undefined {
  const trimmed = text.trim()
  if (!intPattern.test(trimmed)) return undefined
  const integral = Number(trimmed.replaceAll('_', ''))
  return integral === 0 ? 0 : integral
}

/**
 * Reads a float from text as pydantic's lax mode does: surrounding whitespace ignored, decimal or
 * exponent notation (`".5"`, `"5."`, `"1e3"`), `inf`/`infinity`/`nan` in any case with an
 * optional sign, and underscores anywhere but first, last or doubled. Returns undefined otherwise.
 */
export function parseFloatText(text: string): number | undefined {
  const trimmed = text.trim()
  const special = specialFloatPattern.exec(trimmed)
  if (special !== null) {
    if (special[2]?.toLowerCase() === 'nan') return Number.NaN
    return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  }
  if (trimmed.startsWith('_') || trimmed.endsWith('_') || trimmed.includes('__')) return undefined
  const plain = trimmed.replaceAll('_', '')
  return floatPattern.test(plain) ? Number(plain) : undefined
}
