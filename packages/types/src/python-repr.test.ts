import { describe, expect, it } from 'vitest'
import { randomText, seededRandom } from './__fixtures__/seeded-random.js'
import { pythonFloatRepr, pythonIntRepr, pythonScalarRepr, pythonStringRepr } from './python-repr.js'

describe('pythonFloatRepr', () => {
  it.each([
    [1, '1.0'],
    [0.5, '0.5'],
    [-2, '-2.0'],
    [0, '0.0'],
    [-0, '-0.0'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [1e16, '1e+16'],
    [1234567890123456, '1234567890123456.0'],
    [12345678901234568, '1.2345678901234568e+16'],
    [0.1 + 0.2, '0.30000000000000004'],
    [123.456, '123.456'],
    [Number.NaN, 'nan'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NEGATIVE_INFINITY, '-inf'],
  ])('%d prints as %s', (value, text) => {
    expect(pythonFloatRepr(value)).toBe(text)
  })
})

describe('pythonStringRepr', () => {
  it.each([
    ['plain', "'plain'"],
    ["she's", `"she's"`],
    [`both ' and "`, `'both \\' and "'`],
    ['line\nbreak\ttab\\', "'line\\nbreak\\ttab\\\\'"],
    ['\u0001', "'\\x01'"],
    ['é🙂', "'é🙂'"],
  ])('%j prints as %s', (value, text) => {
    expect(pythonStringRepr(value)).toBe(text)
  })
})

describe('pythonScalarRepr and pythonIntRepr', () => {
  it('prints scalars as Python holds them', () => {
    expect(pythonScalarRepr(null)).toBe('None')
    expect(pythonScalarRepr(true)).toBe('True')
    expect(pythonScalarRepr(false)).toBe('False')
    expect(pythonScalarRepr(3)).toBe('3')
    expect(pythonScalarRepr(3, true)).toBe('3.0')
    expect(pythonScalarRepr(2.5)).toBe('2.5')
    expect(pythonScalarRepr('a')).toBe("'a'")
    expect(pythonIntRepr(2 ** 60)).toBe('1152921504606846976')
  })
})

describe('pythonStringRepr without escapes to make', () => {
  /** Python's rules applied to each character (the code before strings with nothing to escape were quoted whole). */
  const characterByCharacter = (value: string): string => {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
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

  it('gives what the character rules give, on 20,000 random strings', () => {
    const next = seededRandom(17)
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText(next, ['a', "'", '"', '\\', '\n', '\t', '\u0001', '\u007f', 'é', '😀', ' '], 8)
      expect(pythonStringRepr(text), JSON.stringify(text)).toBe(characterByCharacter(text))
    }
  })
})
