import { DSPexError } from '@dspex/core'
import { describe, expect, it } from 'vitest'
import { Signature } from './signature.js'

/** A small seeded PRNG (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const pieces = [
  'a',
  'b',
  'question',
  'x1',
  '_',
  ':',
  ',',
  ' ',
  '->',
  '-',
  '>',
  '[',
  ']',
  '(',
  ')',
  '|',
  '"',
  "'",
  '\\',
  '=',
  'str',
  'int',
  'list',
  'dict',
  'Literal',
  'Optional',
  'Union',
  'None',
  'True',
  '1',
  '1.5',
  '-',
  '.',
  'typing.',
  'Image',
  'Code',
  'class',
  '\n',
  '\t',
  'é',
  '🙂',
  '\u0000',
  '{',
  '}',
  '#',
  '*',
  '**',
]

describe('signature parser fuzz', () => {
  it('meets 20,000 random strings with a signature or a typed DSPexError, never a crash', () => {
    const next = random(20261125)
    let parsed = 0
    let rejected = 0
    for (let round = 0; round < 20_000; round += 1) {
      const length = 1 + Math.floor(next() * 14)
      let text = ''
      for (let index = 0; index < length; index += 1) text += pieces[Math.floor(next() * pieces.length)]
      if (next() < 0.5) text = `${text} -> ${pieces[Math.floor(next() * pieces.length)]}`
      try {
        const signature = Signature.parse(text)
        expect(signature.fields.every((field) => typeof field.typeName === 'string')).toBe(true)
        parsed += 1
      } catch (error) {
        if (!(error instanceof DSPexError)) throw new Error(`untyped error for ${JSON.stringify(text)}: ${String(error)}`)
        expect(error.message.length).toBeGreaterThan(0)
        rejected += 1
      }
    }
    expect(parsed).toBeGreaterThan(100)
    expect(rejected).toBeGreaterThan(100)
  })
})
