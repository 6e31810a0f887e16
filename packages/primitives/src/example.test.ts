import { History, Image } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { ExampleError } from './errors/example-error.js'
import { Example } from './example.js'
import { isExample } from './is-example.js'
import { Prediction } from './prediction.js'

// The cases of DSPy's tests/primitives/test_example.py, one `it` each, then DSPex's own.
describe('Example (DSPy test_example.py)', () => {
  it('initialises from fields', () => {
    const example = new Example({ a: 1, b: 2 })
    expect(example.a).toBe(1)
    expect(example.b).toBe(2)
  })

  it('initialises from a base example with extra fields', () => {
    const base = new Example({ a: 1, b: 2 })
    const example = new Example(base, { c: 3 })
    expect([example.a, example.b, example.c]).toEqual([1, 2, 3])
  })

  it('initialises from a plain object with extra fields', () => {
    const example = new Example({ a: 1, b: 2 }, { c: 3 })
    expect(example.toDict()).toEqual({ a: 1, b: 2, c: 3 })
  })

  it('sets and gets items', () => {
    const example = new Example()
    example.set('a', 1)
    expect(example.get('a')).toBe(1)
    expect(example.a).toBe(1)
  })

  it('reads and writes fields as properties', () => {
    const example = new Example({ a: 1 })
    example.a = 2
    expect(example.a).toBe(2)
    expect(example.get('a')).toBe(2)
  })

  it('deletes a field', () => {
    const example = new Example({ a: 1, b: 2 })
    example.delete('a')
    expect(example.has('a')).toBe(false)
    expect(example.a).toBeUndefined()
    expect(Object.keys(example)).toEqual(['b'])
  })

  it('counts fields without dspy_* ones', () => {
    expect(new Example({ a: 1, b: 2, dspy_hidden: 3 }).length).toBe(2)
  })

  it("reprs an image field with DSPy's elision", () => {
    const example = new Example({
      img: new Image('data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'),
    })
    expect(example.toString()).toBe("Example({'img': Image(url=data:image/gif;base64,<IMAGE_BASE_64_ENCODED(56)>)}) (input_keys=None)")
    expect(String(example)).toBe(example.toString())
  })

  it('reprs like DSPy', () => {
    expect(new Example({ a: 1 }).toString()).toBe("Example({'a': 1}) (input_keys=None)")
  })

  it('compares stored fields only', () => {
    expect(new Example({ a: 1, b: 2 }).equals(new Example({ a: 1, b: 2 }))).toBe(true)
    expect(new Example({ a: 1, b: 2 }).equals('')).toBe(false)
  })

  it('is equal regardless of field order and input keys', () => {
    const left = new Example({ a: 1, b: [1, { c: 2 }] }).withInputs('a')
    expect(left.equals(new Example({ b: [1, { c: 2 }], a: 1 }))).toBe(true)
    expect(left.equals(new Example({ a: 1, b: [1, { c: 3 }] }))).toBe(false)
  })

  it('lists keys, values and items without dspy_* fields', () => {
    const example = new Example({ a: 1, b: 2, dspy_hidden: 3 })
    expect(example.keys()).toEqual(['a', 'b'])
    expect(example.values()).toEqual([1, 2])
    expect(example.items()).toEqual([
      ['a', 1],
      ['b', 2],
    ])
    expect(example.keys(true)).toEqual(['a', 'b', 'dspy_hidden'])
    expect(example.items(true)).toContainEqual(['dspy_hidden', 3])
  })

  it('gets with a default', () => {
    const example = new Example({ a: 1, b: 2 })
    expect(example.get('a')).toBe(1)
    expect(example.get('c', 'default')).toBe('default')
  })

  it('sets input keys with withInputs', () => {
    expect(new Example({ a: 1, b: 2 }).withInputs('a').inputKeys).toEqual(new Set(['a']))
  })

  it('splits inputs and labels', () => {
    const example = new Example({ a: 1, b: 2 }).withInputs('a')
    expect(example.inputs().toDict()).toEqual({ a: 1 })
    expect(example.inputs().inputKeys).toEqual(new Set(['a']))
    expect(example.labels().toDict()).toEqual({ b: 2 })
    expect(example.labels().inputKeys).toBeUndefined()
  })

  it('copies with overrides and removes fields with without', () => {
    const example = new Example({ a: 1, b: 2 })
    const copied = example.copy({ c: 3 })
    expect([copied.a, copied.c]).toEqual([1, 3])
    const withoutA = copied.without('a')
    expect(withoutA.has('a')).toBe(false)
    expect(example.has('c')).toBe(false)
  })

  it('converts to a plain object', () => {
    expect(new Example({ a: 1, b: 2 }).toDict()).toEqual({ a: 1, b: 2 })
  })

  it('converts a History field through its JSON form', () => {
    const history = new History({
      messages: [
        { question: 'What is the capital of France?', answer: 'Paris' },
        { question: 'What is the capital of Germany?', answer: 'Berlin' },
      ],
    })
    const result = new Example({ question: 'Test question', history, answer: 'Test answer' }).toDict()
    expect(result.history).toEqual({ messages: history.messages })
    expect(JSON.parse(JSON.stringify(result)).history.messages).toEqual(history.messages)
  })
})

describe('Example (DSPex)', () => {
  it('throws ExampleError when inputs were never set', () => {
    const example = new Example({ a: 1 })
    expect(() => example.inputs()).toThrow(ExampleError)
    expect(() => example.labels()).toThrow(
      expect.objectContaining({ code: 'example-inputs-not-set', message: expect.stringContaining('withInputs') }),
    )
  })

  it('drops input keys on copy and without, as DSPy does, and keeps them on deepcopy', () => {
    const example = new Example({ q: 'x', a: 'y' }).withInputs('q')
    expect(example.copy().inputKeys).toBeUndefined()
    expect(example.without('a').inputKeys).toBeUndefined()
    const deep = example.deepcopy()
    expect(deep.inputKeys).toEqual(new Set(['q']))
    expect(deep.equals(example)).toBe(true)
  })

  it('deep-copies nested values', () => {
    const example = new Example({ context: ['a', 'b'], meta: { n: 1 } })
    const deep = example.deepcopy()
    ;(deep.context as string[]).push('c')
    expect(example.context).toEqual(['a', 'b'])
  })

  it('throws on removing a missing key', () => {
    expect(() => new Example({ a: 1 }).without('b' as 'a')).toThrow(expect.objectContaining({ code: 'example-missing-key', key: 'b' }))
  })

  it('labels keep dspy_* fields and exclude inputs', () => {
    const example = new Example({ q: 1, a: 2, dspy_uuid: 'u' }).withInputs('q')
    expect(example.labels().keys(true)).toEqual(['a', 'dspy_uuid'])
  })

  it('reprs input keys as a Python set and hides dspy_* fields', () => {
    const example = new Example({ question: 'Why?', flag: true, none: null, dspy_split: 'train' }).withInputs('question')
    expect(example.toString()).toBe("Example({'question': 'Why?', 'flag': True, 'none': None}) (input_keys={'question'})")
    expect(new Example({}).withInputs().toString()).toBe('Example({}) (input_keys=set())')
  })

  it('reprs nested examples with their own repr', () => {
    const inner = new Example({ q: 'x' })
    expect(new Example({ demos: [inner] }).toString()).toBe("Example({'demos': [Example({'q': 'x'}) (input_keys=None)]}) (input_keys=None)")
  })

  it('keeps fields whose names are methods reachable through get only', () => {
    const example = new Example({ keys: 'k', copy: 'c', value: 'v' })
    expect(typeof example.keys).toBe('function')
    expect(example.get('keys')).toBe('k')
    expect(example.value).toBe('v')
    expect(example.keys()).toEqual(['keys', 'copy', 'value'])
  })

  it('converts nested examples and toJSON values in toDict, and serialises with JSON.stringify', () => {
    const example = new Example({ q: [new Example({ q: 'inner' })], when: new Date(0), image: new Image('https://x.test/a.png') })
    const dict = example.toDict()
    expect(dict.q).toEqual([{ q: 'inner' }])
    expect(dict.when).toBe('1970-01-01T00:00:00.000Z')
    expect(typeof dict.image).toBe('string')
    expect(JSON.parse(JSON.stringify(example))).toEqual(JSON.parse(JSON.stringify(dict)))
  })

  it('keeps insertion order for any key when built from a Map', () => {
    const example = new Example(
      new Map<string, unknown>([
        ['b', 1],
        ['2', 2],
        ['a', 3],
      ]),
    )
    expect(example.keys()).toEqual(['b', '2', 'a'])
  })

  it('iterates over every key, dspy_* included', () => {
    expect([...new Example({ a: 1, dspy_x: 2 })]).toEqual(['a', 'dspy_x'])
  })

  it('spreads its fields', () => {
    expect({ ...new Example({ a: 1, b: 'x' }) }).toEqual({ a: 1, b: 'x' })
  })

  it('copies keep the subclass', () => {
    const prediction = new Prediction({ answer: 'a' })
    expect(prediction.copy({ score: 1 })).toBeInstanceOf(Prediction)
    expect(isExample(prediction)).toBe(true)
    expect(isExample({ a: 1 })).toBe(false)
  })

  it('copies an example given as base, without its input keys', () => {
    const base = new Example({ a: 1, dspy_uuid: 'u' }).withInputs('a')
    const copied = new Example(base)
    expect(copied.keys(true)).toEqual(['a', 'dspy_uuid'])
    expect(copied.inputKeys).toBeUndefined()
  })
})
