import { LM } from '@dspex/lm'
import { Example, Prediction } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { CompleteAndGrounded } from './complete-and-grounded.js'

const completeness = (value: number) => ({
  reasoning: 'Analyzing completeness',
  ground_truth_key_ideas: 'the answer is 2',
  system_response_key_ideas: 'the answer is 2',
  discussion: 'both match',
  completeness: value,
})
const groundedness = (value: number) => ({
  reasoning: 'Analyzing groundedness',
  system_response_claims: '1+1=2',
  discussion: 'supported by context',
  groundedness: value,
})

function judge(answers: Record<string, unknown>[], threshold?: number) {
  const model = new ScriptedLM(answers)
  const metric = new CompleteAndGrounded(threshold === undefined ? {} : { threshold })
  metric.setLM(new LM(model, { cache: false }))
  return { model, metric }
}

const example = new Example({ question: 'What is 1+1?', response: '2' })
const prediction = new Prediction({ response: '2', context: 'context' })

describe('CompleteAndGrounded', () => {
  it('asks completeness then groundedness, with DSPy prompts, and scores their F1', async () => {
    const { model, metric } = judge([completeness(0.9), groundedness(0.8)])
    const result = await metric.evaluate(example, prediction)
    expect(result.score).toBeCloseTo((2 * (0.8 * 0.9)) / (0.8 + 0.9), 12)
    const [first, second] = model.requests.map((request) => String(request.messages[0]?.content))
    expect(first).toContain(
      "your objective is: \n        Estimate the completeness of a system's responses, against the ground truth.\n        You will first enumerate key ideas in each response, discuss their overlap, and then report completeness.",
    )
    expect(first).toContain('5. `completeness` (float): fraction (out of 1.0) of ground truth covered by the system response')
    expect(second).toContain('2. `retrieved_context` (str): \n3. `system_response` (str):\nYour output fields are:')
    expect(second).toContain(
      "        Estimate the groundedness of a system's responses, against real retrieved documents written by people.\n" +
        '        You will first enumerate whatever non-trivial or check-worthy claims are made in the system response, and then\n' +
        '        discuss the extent to which some or all of them can be deduced from the retrieved context and basic commonsense.',
    )
    expect(second).toContain('4. `groundedness` (float): fraction (out of 1.0) of system response supported by the retrieved context')
    expect(String(model.requests[1]?.messages[1]?.content)).toContain('[[ ## retrieved_context ## ]]\ncontext')
  })

  it('returns pass/fail against the threshold when a trace is given', async () => {
    const passing = judge([completeness(0.9), groundedness(0.8)])
    expect((await passing.metric.evaluate(example, prediction, [])).score).toBe(true)
    const failing = judge([completeness(0.9), groundedness(0.8)], 0.9)
    expect((await failing.metric.evaluate(example, prediction, [])).score).toBe(false)
  })

  it('names its two judges as DSPy does', () => {
    const { metric } = judge([])
    expect(metric.namedPredictors().map(([name]) => name)).toEqual(['completeness_module.predict', 'groundedness_module.predict'])
  })

  it('needs the prediction context', async () => {
    const { metric } = judge([completeness(1), groundedness(1)])
    await expect(metric.evaluate(example, new Prediction({ response: '2' }))).rejects.toThrow(
      expect.objectContaining({ code: 'metric-missing-field', field: 'context' }),
    )
  })
})
