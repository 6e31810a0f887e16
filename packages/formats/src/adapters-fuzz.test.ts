import { DSPexError } from '@dspex/core'
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { seededRandom } from './__fixtures__/seeded-random.js'
import type { Adapter } from './adapter.js'
import type { AnySignature } from './adapter-model.js'
import { ChatAdapter } from './chat-adapter.js'
import { JSONAdapter } from './json-adapter.js'
import { XMLAdapter } from './xml-adapter.js'

// Model output is hostile input: every reply an adapter is given, and every value it is asked to format, ends in a
// result or a typed DSPex error, never another exception (a stack overflow, a TypeError). Seeded, so a failure
// replays; bounded, so the suite stays quick.

const Person = t.model('Person', { name: t.string(), age: t.integer(), emails: t.withDefault(t.list(t.string()), []) })
const signatures: AnySignature[] = [
  Signature.parse('question -> answer'),
  Signature.parse('question -> answer: list[int], score: float'),
  Signature.parse('context: list[str], question -> answer: dict[str, Any], tags: list[str], ok: bool'),
  Signature.create({
    instructions: 'Extract.',
    fields: {
      text: InputField(t.string()),
      person: OutputField(Person),
      choice: OutputField(t.literal('a', 'b')),
      maybe: OutputField(t.optional(t.number())),
    },
  }),
]
const adapters: Adapter[] = [new ChatAdapter(), new JSONAdapter(), new XMLAdapter()]

const outputsBySignature: Record<string, unknown>[] = [
  { answer: 'Paris' },
  { answer: [1, 2, 3], score: 0.5 },
  { answer: { k: [1, { x: null }] }, tags: ['a', 'b'], ok: true },
  { person: { name: 'Ada', age: 36, emails: ['ada@example.com'] }, choice: 'a', maybe: 1.5 },
]

/** Pieces put into replies: markers of every format, brackets, quotes, escapes, unicode, huge numbers. */
const pieces = [
  '[[ ## answer ## ]]',
  '[[ ## completed ## ]]',
  '[[ ## score ## ]]\n',
  '<answer>',
  '</answer>',
  '<person><name>',
  '<item>',
  '<a xmlns:p="u">',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '“',
  ':',
  ',',
  '\\',
  '\\u00e9',
  '&amp;',
  '<!--',
  ']]>',
  'é',
  '😀',
  '\u0000',
  '\ud800',
  '\n',
  ' ',
  'None',
  'NaN',
  '-Infinity',
  '9'.repeat(400),
  '1e999',
  '0x1F',
  '```json\n',
  '/*',
  '//',
]

/** A valid reply of `adapter` for `signature`, then a few random mutations of it. */
function hostileReply(next: () => number, adapter: Adapter, signatureIndex: number): string {
  const signature = signatures[signatureIndex] as AnySignature
  let reply = adapter.formatAssistantMessageContent(signature, outputsBySignature[signatureIndex] ?? {})
  const edits = Math.floor(next() * 6)
  for (let edit = 0; edit < edits; edit += 1) {
    const at = Math.floor(next() * (reply.length + 1))
    const kind = next()
    if (kind < 0.2) reply = reply.slice(0, at)
    else if (kind < 0.5) reply = reply.slice(0, at) + (pieces[Math.floor(next() * pieces.length)] as string) + reply.slice(at)
    else if (kind < 0.6) {
      const depth = Math.floor(next() * 3000)
      const open = ['[', '{"a": ', '(', '<a>', '[[ ## answer ## ]]\n'][Math.floor(next() * 5)] as string
      reply = reply.slice(0, at) + open.repeat(depth) + reply.slice(at)
    } else if (kind < 0.75) {
      const length = 1 + Math.floor(next() * 20)
      reply = reply.slice(0, at) + reply.slice(at, at + length).repeat(2 + Math.floor(next() * 50)) + reply.slice(at + length)
    } else if (kind < 0.85) reply = reply.slice(0, at) + reply.slice(at + 1 + Math.floor(next() * 10))
    else reply = reply.slice(at) + reply.slice(0, at)
  }
  return reply
}

/** A random value: scalars, strings, lists, dicts, sets, maps, special numbers, sometimes very deep or holding itself. */
function hostileValue(next: () => number, depth = 0): unknown {
  const kind = next()
  if (depth > 4 || kind < 0.3) {
    const scalars: unknown[] = [
      null,
      undefined,
      true,
      0,
      -0,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      2 ** 60,
      12n,
      'text',
      '',
      'é😀\u0000',
      '[[ ## x ## ]]',
      '<a>',
    ]
    return scalars[Math.floor(next() * scalars.length)]
  }
  if (kind < 0.45) return Array.from({ length: Math.floor(next() * 4) }, () => hostileValue(next, depth + 1))
  if (kind < 0.6)
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, index) => [`k${index}`, hostileValue(next, depth + 1)]))
  if (kind < 0.65) return new Set([hostileValue(next, depth + 1)])
  if (kind < 0.7) return new Map([['m', hostileValue(next, depth + 1)]])
  if (kind < 0.8) {
    let value: unknown = 1
    const levels = Math.floor(next() * 2500)
    for (let level = 0; level < levels; level += 1) value = next() < 0.5 ? [value] : { a: value }
    return value
  }
  if (kind < 0.85) {
    const itself: unknown[] = []
    itself.push(itself)
    return itself
  }
  if (kind < 0.9) return () => 1
  if (kind < 0.93) return Symbol('s')
  return 2n ** 80n
}

/** Runs `action`; an error must be a DSPex error. */
function resultOrTypedError(action: () => unknown, describeCase: () => string): 'result' | 'error' {
  try {
    action()
    return 'result'
  } catch (error) {
    if (!DSPexError.isInstance(error)) throw new Error(`untyped error (${String(error)}) for ${describeCase()}`)
    expect(error.message.length).toBeGreaterThan(0)
    return 'error'
  }
}

describe('adapters fuzzed with hostile input', () => {
  it('parse 4,000 mutated replies each into outputs or a typed error', () => {
    const next = seededRandom(20_260_314)
    const outcomes = { result: 0, error: 0 }
    for (let round = 0; round < 4000; round += 1) {
      for (const adapter of adapters) {
        const signatureIndex = Math.floor(next() * signatures.length)
        const reply = hostileReply(next, adapter, signatureIndex)
        const outcome = resultOrTypedError(
          () => adapter.parse(signatures[signatureIndex] as AnySignature, reply),
          () => `${adapter.constructor.name}.parse of ${JSON.stringify(reply.slice(0, 300))}`,
        )
        outcomes[outcome] += 1
      }
    }
    expect(outcomes.result).toBeGreaterThan(1000)
    expect(outcomes.error).toBeGreaterThan(1000)
  })

  it('format 1,000 random demos and inputs each into messages or a typed error', () => {
    const next = seededRandom(20_260_315)
    const outcomes = { result: 0, error: 0 }
    for (let round = 0; round < 1000; round += 1) {
      for (const adapter of adapters) {
        const signatureIndex = Math.floor(next() * signatures.length)
        const signature = signatures[signatureIndex] as AnySignature
        const demo = Object.fromEntries(signature.fields.map((field) => [field.name, hostileValue(next)]))
        const inputs = Object.fromEntries(signature.inputFields.map((field) => [field.name, hostileValue(next)]))
        const outcome = resultOrTypedError(
          () => adapter.format(signature, [demo, { ...outputsBySignature[signatureIndex], ...inputs }], inputs),
          () => `${adapter.constructor.name}.format of signature ${signatureIndex}`,
        )
        outcomes[outcome] += 1
      }
    }
    expect(outcomes.result).toBeGreaterThan(200)
    expect(outcomes.error).toBeGreaterThan(200)
  })
})
