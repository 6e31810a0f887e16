import { t } from '@dspex/types'
import { Type } from 'typebox'
import { describe, expectTypeOf, it } from 'vitest'
import { type InferInputs, type InferOutputs, Signature } from './signature.js'
import { InputField, OutputField } from './signature-field.js'

describe('Signature static types', () => {
  it('infers inputs and outputs from the string form', () => {
    const predict = Signature.parse('question, k: int -> answer: list[str]')
    expectTypeOf<InferInputs<typeof predict>>().toEqualTypeOf<{ question: string; k: number }>()
    expectTypeOf<InferOutputs<typeof predict>>().toEqualTypeOf<{ answer: string[] }>()
  })

  it('uses the static types of custom types', () => {
    const Person = t.model('Person', { name: t.string(), age: t.integer() })
    const extract = Signature.parse('text -> person: Person', { customTypes: { Person } })
    expectTypeOf<InferOutputs<typeof extract>['person']>().toEqualTypeOf<{ name: string; age: number }>()
  })

  it('infers inputs and outputs from the builder form', () => {
    const sentiment = Signature.create({
      fields: {
        sentence: InputField(Type.String()),
        hint: InputField(),
        label: OutputField(t.literal('positive', 'negative')),
        confidence: OutputField(t.optional(t.number())),
      },
    })
    expectTypeOf<InferInputs<typeof sentiment>>().toEqualTypeOf<{ sentence: string; hint: string }>()
    expectTypeOf<InferOutputs<typeof sentiment>>().toEqualTypeOf<{ label: 'positive' | 'negative'; confidence: number | null }>()
  })

  it('accepts a schema that may be undefined (a str field when it is)', () => {
    const maybe = Math.random() > 2 ? Type.Integer() : undefined
    const signature = Signature.create({ fields: { q: InputField(maybe), a: OutputField() } })
    expectTypeOf<InferInputs<typeof signature>['q']>().toEqualTypeOf<number | string>()
  })

  it('tracks fields added and deleted', () => {
    const base = Signature.parse('question -> answer')
    const extended = base.prepend('reasoning', OutputField(Type.String()))
    expectTypeOf<InferOutputs<typeof extended>>().toEqualTypeOf<{ answer: string } & { reasoning: string }>()
    const withContext = base.append('context', InputField(t.list(t.string())))
    expectTypeOf<InferInputs<typeof withContext>['context']>().toEqualTypeOf<string[]>()
    const deleted = base.delete('answer')
    expectTypeOf<InferOutputs<typeof deleted>>().toEqualTypeOf<Omit<{ answer: string }, 'answer'>>()
  })

  it('rejects values of the wrong shape', () => {
    const predict = Signature.parse('question, k: int -> answer: list[str]')
    // @ts-expect-error k must be a number
    const wrongType: InferInputs<typeof predict> = { question: 'q', k: 'three' }
    // @ts-expect-error question is required
    const missing: InferInputs<typeof predict> = { k: 3 }
    // @ts-expect-error answer is a list of strings
    const wrongOutput: InferOutputs<typeof predict> = { answer: 'one' }
    expectTypeOf(wrongType).not.toBeAny()
    expectTypeOf(missing).not.toBeAny()
    expectTypeOf(wrongOutput).not.toBeAny()
  })
})
