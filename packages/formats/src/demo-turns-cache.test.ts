import { Signature } from '@dspex/signatures'
import { describe, expect, it } from 'vitest'
import { ChatAdapter } from './chat-adapter.js'
import { JSONAdapter } from './json-adapter.js'

const signature = Signature.parse('question -> answer, score: float')

describe('rendered demo turns', () => {
  it('are reused for the same demo and re-rendered when it is edited in place', () => {
    const adapter = new ChatAdapter()
    const demo: Record<string, unknown> = { question: 'q1', answer: 'a1', score: 0.5 }
    const first = adapter.format(signature, [demo], { question: 'q' })
    const second = adapter.format(signature, [demo], { question: 'q' })
    expect(second[1]).toBe(first[1])
    demo.answer = 'changed'
    const third = adapter.format(signature, [demo], { question: 'q' })
    expect(third[2]?.content).toContain('[[ ## answer ## ]]\nchanged')
    demo.score = Number.NaN
    expect(adapter.format(signature, [demo], { question: 'q' })[2]?.content).toContain('[[ ## score ## ]]\nnan')
    demo.score = null
    expect(adapter.format(signature, [demo], { question: 'q' })[2]?.content).toContain('[[ ## score ## ]]\nNone')
  })

  it('are kept per adapter class and per completeness', () => {
    const demo = { question: 'q1', answer: 'a1' }
    const chat = new ChatAdapter().format(signature, [demo], { question: 'q' })
    const json = new JSONAdapter().format(signature, [demo], { question: 'q' })
    expect(chat[2]?.content).toContain('[[ ## answer ## ]]')
    expect(json[2]?.content).toContain('"answer": "a1"')
    expect(chat[1]?.content).toContain('This is an example of the task, though some input or output fields are not supplied.')
    const complete = new ChatAdapter().format(signature, [{ ...demo, score: 1 }], { question: 'q' })
    expect(complete[1]?.content).toBe('[[ ## question ## ]]\nq1')
  })

  it('are not cached for demos JSON cannot express, and still render', () => {
    const demo: Record<string, unknown> = { question: 'q1', answer: 'a1', score: 1 }
    demo.self = demo
    const messages = new ChatAdapter().format(signature, [demo], { question: 'q' })
    expect(messages[1]?.content).toBe('[[ ## question ## ]]\nq1')
  })
})
