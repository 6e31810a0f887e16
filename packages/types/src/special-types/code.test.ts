import { describe, expect, it } from 'vitest'
import { randomText, seededRandom } from '../__fixtures__/seeded-random.js'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recorded, recordedValues } from './__fixtures__/dspy-special-types.js'
import { Code, extractCodeFromFence } from './code.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('extractCodeFromFence', () => {
  it.each([
    ['```python\nprint(1)\n```', 'print(1)'],
    ['Here:\n```js\nconst a = 1\n\n```\nand more ```x```', 'const a = 1'],
    ['```\n  indented\n```', 'indented'],
    ['```print(1)```', 'print(1)'],
    ['no fence', 'no fence'],
    ['  spaced, no fence  ', '  spaced, no fence  '],
    ['```unclosed\ncode', '```unclosed\ncode'],
  ])('%j gives %j', (text, expected) => {
    expect(extractCodeFromFence(text)).toBe(expected)
  })
})

describe('Code', () => {
  it('defaults to python, takes a language, and strips the fence', () => {
    const code = new Code('```python\nx = 1\n```')
    expect(code.code).toBe('x = 1')
    expect(code.language).toBe('python')
    expect(new Code({ code: '```java\nint x;\n```' }, 'java')).toEqual(expect.objectContaining({ code: 'int x;', language: 'java' }))
  })

  it('validates through Code.from, keeping or changing the language', () => {
    const code = new Code('x', 'rust')
    expect(Code.from(code)).toBe(code)
    expect(Code.from(code, 'go').language).toBe('go')
    expect(Code.from('y').language).toBe('python')
    expect(new Code(code).language).toBe('rust')
  })

  it('names what is wrong', () => {
    expect(thrown(() => Code.from({ text: 'x' })).message).toBe('`code` field is required for `dspy.Code`')
    expect(thrown(() => Code.from({ code: 3 })).message).toBe('`code` field must be a string, but received type: number')
    expect(thrown(() => Code.from(3)).message).toBe('Received invalid value for `dspy.Code`: 3')
    expect(thrown(() => Code.from(null)).typeName).toBe('Code')
  })

  it('has DSPy’s description for the default, java and a mixed-case language', () => {
    expect(Code.description()).toBe(recorded.descriptions.Code)
    expect(Code.description('java')).toBe(recorded.descriptions.Code_java)
    expect(Code.description('TypeScript')).toBe(recorded.descriptions.Code_TypeScript)
  })

  for (const value of recordedValues('Code')) {
    it(`prints and serialises like DSPy: ${JSON.stringify(value.input)}`, () => {
      const code = Code.from(value.input, value.language)
      expect(code.repr()).toBe(value.repr)
      expect(code.toJSON()).toBe(value.dump)
      expect(code.format()).toBe(value.format)
      expect(code.toString()).toBe(value.format)
    })
  }

  it('round-trips through JSON', () => {
    const code = new Code('```python\nprint("hi")\n```')
    expect(Code.from(JSON.parse(JSON.stringify(code)) as string).code).toBe(code.code)
  })
})

describe('extractCodeFromFence on hostile text', () => {
  /** DSPy's two patterns, as regular expressions. */
  const withPatterns = (text: string): string => {
    const block = /```[^\n]*\n([\s\S]*?)```/.exec(text)
    if (block !== null) return (block[1] ?? '').trim()
    const inline = /```([\s\S]*?)```/.exec(text)
    return inline === null ? text : (inline[1] ?? '').trim()
  }

  it("agrees with DSPy's patterns on 20,000 random texts", () => {
    const next = seededRandom(13)
    for (let round = 0; round < 20_000; round += 1) {
      const text = randomText(next, ['```', '`', '\n', 'x', ' ', 'py\n'], 10)
      expect(extractCodeFromFence(text), JSON.stringify(text)).toBe(withPatterns(text))
    }
  })

  it('reads 1 MB of unclosed fences in linear time', () => {
    const text = '```\nx'.repeat(200_000)
    const started = performance.now()
    expect(extractCodeFromFence(text)).toBe('x')
    expect(extractCodeFromFence('```x'.repeat(250_000))).toBe('x')
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
