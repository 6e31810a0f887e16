import { describe, expect, it } from 'vitest'
import { randomText, seededRandom } from './__fixtures__/seeded-random.js'
import { firstJSONObjectText } from './first-json-object-text.js'

describe('firstJSONObjectText', () => {
  it('finds the first balanced braces, nested ones included', () => {
    expect(firstJSONObjectText('Sure: {"a": {"b": 1}} and {"c": 2}')).toBe('{"a": {"b": 1}}')
  })

  it('skips a start whose braces never balance, as the recursive pattern does', () => {
    expect(firstJSONObjectText('{ broken {"note": "x", "m": {}}')).toBe('{"note": "x", "m": {}}')
  })

  it('gives undefined without braces', () => {
    expect(firstJSONObjectText('no json')).toBeUndefined()
    expect(firstJSONObjectText('{ never closed')).toBeUndefined()
  })
})

describe('firstJSONObjectText on hostile text', () => {
  /** DSPy's pattern as a scan from each `{` in turn (quadratic on unbalanced braces). */
  const fromEachBrace = (text: string): string | undefined => {
    for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
      let depth = 0
      for (let index = start; index < text.length; index += 1) {
        if (text[index] === '{') depth += 1
        else if (text[index] === '}') {
          depth -= 1
          if (depth === 0) return text.slice(start, index + 1)
        }
      }
    }
    return undefined
  }

  it('finds the span a scan from each brace finds, on 20,000 random texts', () => {
    const next = seededRandom(19)
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText(next, ['{', '}', 'a', '"', ' '], 16)
      expect(firstJSONObjectText(text), JSON.stringify(text)).toBe(fromEachBrace(text))
    }
  })

  it('reads 1 MB of unbalanced braces in linear time', () => {
    const started = performance.now()
    expect(firstJSONObjectText('{'.repeat(1 << 20))).toBeUndefined()
    expect(firstJSONObjectText(`${'{'.repeat(1 << 20)}}`)).toBe('{}')
    expect(firstJSONObjectText(`${'{ '.repeat(1 << 19)}{"a": 1}`)).toBe('{"a": 1}')
    // A correctness bound only (this took minutes before); bench/parse-1mb-worst.bench.mjs times it.
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
