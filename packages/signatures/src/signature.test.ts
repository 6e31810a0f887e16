import { t } from '@dspex/types'
import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { SignatureError } from './errors/signature-error.js'
import { Signature } from './signature.js'
import { InputField, OutputField } from './signature-field.js'

const sentiment = Signature.create({
  name: 'Sentiment',
  instructions: 'Classify the sentiment of a sentence.',
  fields: {
    sentence: InputField(Type.String()),
    sentiment: OutputField(t.literal('positive', 'negative', 'neutral')),
    confidence: OutputField(Type.Number(), { desc: 'between 0 and 1', ge: 0, le: 1 }),
  },
})

describe('Signature.parse', () => {
  it('derives names, default instructions, prefixes, descriptions and the signature string', () => {
    const signature = Signature.parse('context: list[str], question: str -> answer: str, confidence: float')
    expect(signature.name).toBe('StringSignature')
    expect(signature.instructions).toBe('Given the fields `context`, `question`, produce the fields `answer`, `confidence`.')
    expect(signature.signatureString).toBe('context, question -> answer, confidence')
    expect(signature.fields.map((field) => [field.name, field.direction, field.typeName, field.prefix, field.desc])).toEqual([
      ['context', 'input', 'list[str]', 'Context:', '${context}'],
      ['question', 'input', 'str', 'Question:', '${question}'],
      ['answer', 'output', 'str', 'Answer:', '${answer}'],
      ['confidence', 'output', 'float', 'Confidence:', '${confidence}'],
    ])
  })

  it('keeps given instructions and name', () => {
    const signature = Signature.parse('question -> answer', { instructions: 'Be brief.', name: 'QA' })
    expect(signature.instructions).toBe('Be brief.')
    expect(signature.name).toBe('QA')
  })

  it('rejects a non-string', () => {
    expect(() => Signature.parse(42 as unknown as string)).toThrow(SignatureError)
  })
})

describe('Signature.create', () => {
  it('keeps field order, options and constraint text (floats printed as Python floats)', () => {
    expect(sentiment.signatureString).toBe('sentence -> sentiment, confidence')
    const confidence = sentiment.field('confidence')
    expect(confidence?.desc).toBe('between 0 and 1')
    expect(confidence?.constraintsText).toBe('greater than or equal to: 0.0, less than or equal to: 1.0')
    expect(sentiment.field('sentiment')?.typeName).toBe("Literal['positive', 'negative', 'neutral']")
    expect(sentiment.field('sentence')?.constraintsText).toBeUndefined()
  })

  it('lists inputs before outputs whatever the declaration order', () => {
    const signature = Signature.create({ fields: { answer: OutputField(), question: InputField() } })
    expect(signature.signatureString).toBe('question -> answer')
    expect(signature.instructions).toBe('Given the fields `question`, produce the fields `answer`.')
  })

  it('marks defaults as not required', () => {
    const signature = Signature.create({
      fields: { q: InputField(), notes: OutputField(t.optional(t.string()), { default: null }) },
    })
    expect(signature.field('notes')?.required).toBe(false)
    expect(signature.field('notes')?.hasDefault).toBe(true)
    expect(signature.field('q')?.required).toBe(true)
  })

  it('rejects invalid field names', () => {
    expect(() => Signature.create({ fields: { 'not valid': InputField() } })).toThrow(/not a valid field name/)
  })
})

describe('manipulation', () => {
  const base = Signature.parse('question -> answer')

  it('withInstructions and appendInstructions return new signatures', () => {
    const changed = base.withInstructions('Answer.')
    expect(changed.instructions).toBe('Answer.')
    expect(base.instructions).toBe('Given the fields `question`, produce the fields `answer`.')
    expect(changed.appendInstructions('Be brief.').instructions).toBe('Answer.\n\nBe brief.')
  })

  it('prepend keeps the instructions (as ChainOfThought relies on)', () => {
    const extended = base.prepend('reasoning', OutputField(Type.String(), { prefix: 'Reasoning:', desc: '${reasoning}' }))
    expect(extended.signatureString).toBe('question -> reasoning, answer')
    expect(extended.instructions).toBe(base.instructions)
  })

  it('append and insert with negative indices', () => {
    const appended = base.append('context', InputField(t.list(t.string())))
    expect(appended.signatureString).toBe('question, context -> answer')
    expect(appended.insert(-2, 'k', InputField(t.integer())).signatureString).toBe('question, k, context -> answer')
    expect(appended.insert(0, 'score', OutputField(t.number())).signatureString).toBe('question, context -> score, answer')
  })

  it('insert rejects out-of-range indices with DSPy’s message, and duplicate names', () => {
    expect(() => base.insert(3, 'x', InputField())).toThrow(
      'Invalid index to insert: 3, index must be in the range of [0, 1] for input fields, but received: 3.',
    )
    expect(() => base.insert(-3, 'x', InputField())).toThrow(SignatureError)
    expect(() => base.append('answer', InputField())).toThrow(/already has a field named 'answer'/)
  })

  it('delete removes a field and ignores unknown names', () => {
    expect(base.delete('answer').signatureString).toBe('question -> ')
    expect(base.delete('nothing').equals(base)).toBe(true)
  })

  it('withUpdatedFields changes description, prefix, constraints or type', () => {
    const updated = base.withUpdatedFields('answer', { desc: 'short', prefix: 'A:', schema: t.integer(), ge: 1 })
    const answer = updated.field('answer')
    expect([answer?.desc, answer?.prefix, answer?.typeName, answer?.constraintsText]).toEqual(['short', 'A:', 'int', 'greater than or equal to: 1'])
    expect(base.field('answer')?.desc).toBe('${answer}')
    expect(() => base.withUpdatedFields('missing', { desc: 'x' })).toThrow(/has no field named 'missing'/)
  })
})

describe('equals', () => {
  it('compares instructions and field declarations, not types (as DSPy)', () => {
    expect(Signature.parse('q -> a').equals(Signature.parse('q -> a'))).toBe(true)
    expect(Signature.parse('q -> a').equals(Signature.parse('q -> a: int'))).toBe(true)
    expect(Signature.parse('q -> a').equals(Signature.parse('q -> b'))).toBe(false)
    expect(Signature.parse('q -> a').equals(Signature.parse('q -> a', { instructions: 'x' }))).toBe(false)
    expect(Signature.parse('q -> a').equals(Signature.parse('q -> a').withUpdatedFields('a', { desc: 'd' }))).toBe(false)
    expect(Signature.parse('q -> a').equals('q -> a')).toBe(false)
  })
})

describe('state', () => {
  it('dumps DSPy’s layout', () => {
    expect(sentiment.dumpState()).toEqual({
      instructions: 'Classify the sentiment of a sentence.',
      fields: [
        { prefix: 'Sentence:', description: '${sentence}' },
        { prefix: 'Sentiment:', description: '${sentiment}' },
        { prefix: 'Confidence:', description: 'between 0 and 1' },
      ],
    })
  })

  it('loads by position and round-trips', () => {
    const state = {
      instructions: 'Optimized.',
      fields: [
        { prefix: 'S:', description: 'the sentence' },
        { prefix: 'Label:', description: '${sentiment}' },
      ],
    }
    const loaded = sentiment.loadState(state)
    expect(loaded.instructions).toBe('Optimized.')
    expect(loaded.field('sentence')?.desc).toBe('the sentence')
    expect(loaded.field('sentiment')?.prefix).toBe('Label:')
    expect(loaded.field('confidence')?.desc).toBe('between 0 and 1')
    expect(loaded.field('confidence')?.constraintsText).toBe(sentiment.field('confidence')?.constraintsText)
    expect(sentiment.loadState(sentiment.dumpState()).equals(sentiment)).toBe(true)
  })

  it.each([
    [null, 'signature must be an object, got null'],
    [{ fields: [] }, 'signature.instructions must be a string, got nothing'],
    [{ instructions: 'x' }, 'signature.fields must be an array, got nothing'],
    [{ instructions: 'x', fields: [{ prefix: 'A:', description: 'd' }, { prefix: 3 }] }, 'signature.fields[1].prefix must be a string, got number 3'],
    [{ instructions: 'x', fields: [{ prefix: 'A:' }] }, 'signature.fields[0].description must be a string, got nothing'],
  ])('rejects malformed state %j naming the first bad key', (state, message) => {
    expect(() => sentiment.loadState(state)).toThrow(message)
  })
})

describe('cached', () => {
  it('computes a derived value once per signature', () => {
    const key = Symbol('test')
    let calls = 0
    const compute = (signature: Signature): number => {
      calls += 1
      return signature.fields.length
    }
    expect(sentiment.cached(key, compute)).toBe(3)
    expect(sentiment.cached(key, compute)).toBe(3)
    expect(calls).toBe(1)
    expect(sentiment.withInstructions('x').cached(key, compute)).toBe(3)
    expect(calls).toBe(2)
  })
})
