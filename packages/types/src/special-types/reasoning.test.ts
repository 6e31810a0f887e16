import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recorded, recordedValues } from './__fixtures__/dspy-special-types.js'
import { Reasoning } from './reasoning.js'

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

describe('Reasoning', () => {
  it('is made from a string, { content } or another Reasoning', () => {
    expect(new Reasoning('think').content).toBe('think')
    expect(Reasoning.from({ content: 'deep' }).content).toBe('deep')
    const reasoning = new Reasoning('x')
    expect(Reasoning.from(reasoning)).toBe(reasoning)
    expect(new Reasoning(reasoning).content).toBe('x')
  })

  it('behaves like its text', () => {
    const reasoning = new Reasoning('step 1')
    expect(`${reasoning}`).toBe('step 1')
    expect(reasoning.equals('step 1')).toBe(true)
    expect(reasoning.equals(new Reasoning('step 1'))).toBe(true)
    expect(reasoning.equals('step 2')).toBe(false)
    expect(JSON.stringify({ reasoning })).toBe('{"reasoning":"step 1"}')
  })

  it('names what is wrong', () => {
    expect(thrown(() => Reasoning.from({ text: 'x' })).message).toBe('`content` field is required for `dspy.Reasoning`')
    expect(thrown(() => Reasoning.from({ content: ['x'] })).message).toBe('`content` field must be a string, but received type: array')
    expect(thrown(() => Reasoning.from(1.5)).message).toBe('Received invalid value for `dspy.Reasoning`: 1.5')
  })

  it('reads native reasoning from a response', () => {
    expect(Reasoning.parseLMResponse({ text: 'a', reasoning_content: 'because' })?.content).toBe('because')
    expect(Reasoning.parseLMResponse({ text: 'a' })).toBeUndefined()
    expect(Reasoning.parseLMResponse('reasoning_content')).toBeUndefined()
    expect(Reasoning.description()).toBe(recorded.descriptions.Reasoning)
  })

  for (const value of recordedValues('Reasoning')) {
    it(`prints and serialises like DSPy: ${JSON.stringify(value.input)}`, () => {
      const reasoning = Reasoning.from(value.input)
      expect(reasoning.repr()).toBe(value.repr)
      expect(reasoning.toString()).toBe(value.str)
      expect(reasoning.toJSON()).toBe(value.dump)
      expect(reasoning.format()).toBe(value.format)
    })
  }
})
