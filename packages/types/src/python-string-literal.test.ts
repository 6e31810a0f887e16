import { describe, expect, it } from 'vitest'
import { PythonLiteralError } from './errors/python-literal-error.js'
import { readPythonStringBody } from './python-string-literal.js'

describe('readPythonStringBody', () => {
  it('returns the value and the index after the closing quote', () => {
    expect(readPythonStringBody("x = 'a\\tb' rest", 4, false, false)).toEqual({ value: 'a\tb', end: 10 })
    expect(readPythonStringBody('"""a\n"b"""', 0, false, false)).toEqual({ value: 'a\n"b', end: 10 })
  })
  it('keeps escapes in raw strings and \\u in bytes', () => {
    expect(readPythonStringBody("'\\u0041'", 0, true, false).value).toBe('\\u0041')
    expect(readPythonStringBody("'\\u0041'", 0, false, true).value).toBe('\\u0041')
    expect(readPythonStringBody("'\\u0041'", 0, false, false).value).toBe('A')
  })
  it('throws for unterminated strings and broken escapes, naming the position', () => {
    expect(() => readPythonStringBody("['abc", 1, false, false)).toThrow(PythonLiteralError)
    expect(() => readPythonStringBody("'\\U0011ffff'", 0, false, false)).toThrow(/outside the Unicode range/)
    expect(() => readPythonStringBody("'é'", 0, false, true)).toThrow(/ASCII/)
  })
})
