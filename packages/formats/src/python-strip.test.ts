import { describe, expect, it } from 'vitest'
import recordedSplitlines from './__fixtures__/python-splitlines-cases.json' with { type: 'json' }
import { pythonDedent } from './python-dedent.js'
import { pythonSplitlines } from './python-splitlines.js'
import { isPythonWhitespace, pythonStrip } from './python-strip.js'

describe('pythonStrip', () => {
  it('strips what Python strips, not what JavaScript trims', () => {
    expect(pythonStrip(' \t\nanswer \x1c\x85')).toBe('answer')
    expect(pythonStrip('\ufeffanswer')).toBe('\ufeffanswer')
    expect(pythonStrip('')).toBe('')
    expect(isPythonWhitespace('\u3000')).toBe(true)
  })
})

const splitlinesCases = recordedSplitlines as [string, string[]][]

describe('pythonSplitlines', () => {
  it('splits at every Python line boundary and drops a final break', () => {
    expect(pythonSplitlines('a\r\nb\rc\nd\ve\x1cf\u2028g\n')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
    expect(pythonSplitlines('')).toEqual([])
    expect(pythonSplitlines('\n')).toEqual([''])
    expect(pythonSplitlines('a\n\nb')).toEqual(['a', '', 'b'])
  })

  it("matches Python's str.splitlines() on random mixes of every line break (cases printed by python3)", () => {
    for (const [text, lines] of splitlinesCases) expect(pythonSplitlines(text), JSON.stringify(text)).toEqual(lines)
  })
})

describe('pythonDedent', () => {
  it('removes the common indentation and empties blank lines', () => {
    expect(pythonDedent('  a\n    b\n  ')).toBe('a\n  b\n')
    expect(pythonDedent('\ta\n\t\tb')).toBe('a\n\tb')
    expect(pythonDedent('  a\n\tb')).toBe('  a\n\tb')
    expect(pythonDedent('    Line one.\n\n        Indented.\nTab')).toBe('    Line one.\n\n        Indented.\nTab')
  })
})
