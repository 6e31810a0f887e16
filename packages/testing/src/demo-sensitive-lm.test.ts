import type { Message } from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { createDemoSensitiveLM, demoSensitiveAnswer, demoSensitiveReply } from './demo-sensitive-lm.js'

const system: Message = {
  role: 'system',
  content:
    'Your input fields are:\n1. `question` (str):\nYour output fields are:\n1. `reasoning` (str): \n2. `answer` (str):\nAll interactions will be structured in the following way, with the appropriate values filled in.\n\nIn adhering to this structure, your objective is: \n        Given the fields `question`, produce the fields `answer`.',
}
const ask = (question: string): Message => ({
  role: 'user',
  content: `[[ ## question ## ]]\n${question}\n\nRespond with the corresponding output fields, starting with the field \`[[ ## reasoning ## ]]\`, then \`[[ ## answer ## ]]\`, and then ending with the marker for \`[[ ## completed ## ]]\`.`,
})
const demo = (question: string, answer: string): Message[] => [
  { role: 'user', content: `[[ ## question ## ]]\n${question}` },
  { role: 'assistant', content: `[[ ## answer ## ]]\n${answer}\n\n[[ ## completed ## ]]` },
]
const answers = { '[geo] Capital of France?': 'Paris', '[math] 2 + 2?': '4' }

describe('demoSensitiveAnswer', () => {
  it('answers wrong without a demo of the same category, filling every output field', () => {
    expect(demoSensitiveAnswer([system, ask('[geo] Capital of France?')], { answers })).toEqual({
      reasoning: 'Looking for a demo tagged [geo].',
      answer: 'I do not know',
    })
  })

  it('answers right with a demo of the same category, wrong with one of another category', () => {
    const withGeo = [system, ...demo('[geo] Capital of Peru?', 'Lima'), ask('[geo] Capital of France?')]
    const withMath = [system, ...demo('[math] 1 + 1?', '2'), ask('[geo] Capital of France?')]
    expect(demoSensitiveAnswer(withGeo, { answers }).answer).toBe('Paris')
    expect(demoSensitiveAnswer(withMath, { answers }).answer).toBe('I do not know')
  })

  it('needs the rule in the instructions when ruleRequired is set', () => {
    const options = { answers: (question: string) => (question.includes('France') ? 'PARIS' : undefined), ruleRequired: 'Answer in uppercase' }
    expect(demoSensitiveAnswer([system, ask('[geo] Capital of France?')], options).answer).toBe('I do not know')
    const ruled: Message = { role: 'system', content: `${String(system.content)}\nAnswer in uppercase.` }
    expect(demoSensitiveAnswer([ruled, ask('[geo] Capital of France?')], options).answer).toBe('PARIS')
    expect(demoSensitiveAnswer([ruled, ask('[geo] Capital of France?')], { ...options, requireDemo: true }).answer).toBe('I do not know')
  })

  it('uses a custom wrong answer, input field and category function', () => {
    const options = {
      answers: { 'geo: Paris?': 'yes' },
      inputField: 'query',
      categoryOf: (text: string) => text.split(':')[0],
      wrongAnswer: (text: string) => `no idea about ${text}`,
    }
    const user: Message = { role: 'user', content: '[[ ## query ## ]]\ngeo: Paris?' }
    expect(demoSensitiveAnswer([user], options)).toEqual({ answer: 'no idea about geo: Paris?' })
    const demoTurns: Message[] = [
      { role: 'user', content: '[[ ## query ## ]]\ngeo: Lima?' },
      { role: 'assistant', content: 'x' },
    ]
    expect(demoSensitiveAnswer([...demoTurns, user], options)).toEqual({ answer: 'yes' })
  })

  it('writes a ChatAdapter reply for fake servers', () => {
    expect(demoSensitiveReply([ask('[math] 2 + 2?')], { answers })).toBe('[[ ## answer ## ]]\nI do not know\n\n[[ ## completed ## ]]')
  })
})

describe('createDemoSensitiveLM', () => {
  it('answers requests in chat format and records them', async () => {
    const model = createDemoSensitiveLM({ answers })
    const result = await model.generate({ messages: [system, ...demo('[math] 3 + 3?', '6'), ask('[math] 2 + 2?')] })
    expect(result.choices[0]?.text).toBe('[[ ## reasoning ## ]]\nLooking for a demo tagged [math].\n\n[[ ## answer ## ]]\n4')
    expect(model.requests).toHaveLength(1)
    expect(model.modelId).toBe('demo-sensitive')
  })

  it('waits latencyMs before answering', async () => {
    const model = createDemoSensitiveLM({ answers, latencyMs: 30 })
    const started = performance.now()
    await model.generate({ messages: [ask('[math] 2 + 2?')] })
    expect(performance.now() - started).toBeGreaterThanOrEqual(25)
  })
})
