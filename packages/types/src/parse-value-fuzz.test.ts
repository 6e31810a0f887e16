import { DSPexError } from '@dspex/core'
import type { TSchema } from 'typebox'
import { describe, expect, it } from 'vitest'
import { parseValue } from './parse-value.js'
import { t } from './type-builder.js'

const types: [string, TSchema][] = [
  ['int', t.integer()],
  ['float', t.number()],
  ['bool', t.boolean()],
  ['list[str]', t.list(t.string())],
  ['dict[str, int]', t.dict(t.integer())],
  ['Optional[int]', t.optional(t.integer())],
  ['Literal', t.literal('yes', 'no', 3)],
  ['Color', t.enum('Color', { RED: 'red', BLUE: 'blue' })],
  ['tuple', t.tuple([t.integer(), t.string()])],
  ['Person', t.model('Person', { name: t.string(), age: t.withDefault(t.integer(), 0) })],
  ['Union', t.union([t.integer(), t.list(t.number())])],
  ['Code', t.code('python')],
]

const pieces = [
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ':',
  ',',
  ' ',
  '\n',
  'name',
  'age',
  '1',
  '-',
  '.',
  'e',
  'True',
  'None',
  'null',
  'yes',
  'RED',
  '```',
  'json',
  '\\',
  '_',
  '0x',
  '(',
  ')',
  '#',
  '//',
  'é',
  '\u0000',
]

describe('parseValue fuzz', () => {
  it('meets 30,000 random LM replies with a typed value or a typed DSPexError, never a crash', () => {
    let state = 20261125
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
    let parsed = 0
    let rejected = 0
    for (let round = 0; round < 30_000; round += 1) {
      let text = ''
      const length = Math.floor(next() * 16)
      for (let index = 0; index < length; index += 1) text += pieces[Math.floor(next() * pieces.length)]
      const [name, schema] = types[round % types.length] as [string, TSchema]
      try {
        parseValue(text, schema)
        parsed += 1
      } catch (error) {
        if (!(error instanceof DSPexError)) throw new Error(`untyped error for ${name} from ${JSON.stringify(text)}: ${String(error)}`)
        expect(error.message.length).toBeGreaterThan(0)
        rejected += 1
      }
    }
    expect(parsed).toBeGreaterThan(1000)
    expect(rejected).toBeGreaterThan(1000)
  })
})
