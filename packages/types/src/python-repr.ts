/**
 * Python's `repr()` of a float: the shortest digits that round-trip, in fixed notation when the
 * decimal exponent is in [-4, 16), otherwise in exponent notation with at least two exponent digits
 * (`1.0`, `0.0001`, `1e-05`, `1e+16`, `inf`, `nan`).
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (value === Number.POSITIVE_INFINITY) return 'inf'
  if (value === Number.NEGATIVE_INFINITY) return '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace('-', '').replace('.', '')
  const exponent = Number(exponentText)
  const sign = negative ? '-' : ''
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
    const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
    const fraction = digits.slice(exponent + 1)
    return `${sign}${integerPart}.${fraction === '' ? '0' : fraction}`
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
  const exponentDigits = String(Math.abs(exponent)).padStart(2, '0')
  return `${sign}${head}e${exponent < 0 ? '-' : '+'}${exponentDigits}`
}

/** Python's `repr()` of an int held in a JS number (`12`, `-3`). */
export function pythonIntRepr(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : BigInt(Math.trunc(value)).toString()
}

/** Characters `repr` escapes in any string: the backslash and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters Python escapes.
const needsEscapePattern = /[\\\x00-\x1f\x7f]/

/**
 * Python's `repr()` of a string: single quotes unless the text has a single quote and no double
 * quote; backslashes, the chosen quote and control characters escaped.
 */
export function pythonStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  // Most strings need no escape: then they are quoted as they are, without a pass over each character.
  if (!needsEscapePattern.test(value) && (quote === '"' || !value.includes("'"))) return quote + value + quote
  let out = quote
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    if (char === '\\') out += '\\\\'
    else if (char === quote) out += `\\${quote}`
    else if (char === '\n') out += '\\n'
    else if (char === '\r') out += '\\r'
    else if (char === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += char
  }
  return out + quote
}

/**
 * Python's `repr()` of a JSON scalar as Python would hold it: `None`, `True`/`False`, an int for
 * integral numbers (a float when `asFloat`), a quoted string.
 */
export function pythonScalarRepr(value: string | number | boolean | null, asFloat = false): string {
  if (value === null) return 'None'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (typeof value === 'string') return pythonStringRepr(value)
  return asFloat || !Number.isInteger(value) ? pythonFloatRepr(value) : pythonIntRepr(value)
}
