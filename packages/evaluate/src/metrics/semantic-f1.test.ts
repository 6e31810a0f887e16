import { LM } from '@dspex/lm'
import { Example, Prediction } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Metric } from '../metric.js'
import { SemanticF1 } from './semantic-f1.js'

function judge(answers: Record<string, unknown>[], options: ConstructorParameters<typeof SemanticF1>[0] = {}) {
  const model = new ScriptedLM(answers)
  const metric = new SemanticF1(options)
  metric.setLM(new LM(model, { cache: false }))
  return { model, metric }
}

const example = new Example({ question: 'What is 1+1?', response: '2' })
const prediction = new Prediction({ response: '2' })

// What DSPy's ChatAdapter sends for ChainOfThought(SemanticRecallPrecision), derived from its rules.
const expectedSystem = `Your input fields are:
1. \`question\` (str): 
2. \`ground_truth\` (str): 
3. \`system_response\` (str):
Your output fields are:
1. \`reasoning\` (str): 
2. \`recall\` (float): fraction (out of 1.0) of ground truth covered by the system response
3. \`precision\` (float): fraction (out of 1.0) of system response covered by the ground truth
All interactions will be structured in the following way, with the appropriate values filled in.

[[ ## question ## ]]
{question}

[[ ## ground_truth ## ]]
{ground_truth}

[[ ## system_response ## ]]
{system_response}

[[ ## reasoning ## ]]
{reasoning}

[[ ## recall ## ]]
{recall}        # note: the value you produce must be a single float value

[[ ## precision ## ]]
{precision}        # note: the value you produce must be a single float value

[[ ## completed ## ]]
In adhering to this structure, your objective is: 
        Compare a system's response to the ground truth to compute its recall and precision.
        If asked to reason, enumerate key ideas in each response, and whether they are present in the other response.`

const expectedUser = `[[ ## question ## ]]
What is 1+1?

[[ ## ground_truth ## ]]
2

[[ ## system_response ## ]]
2

Respond with the corresponding output fields, starting with the field \`[[ ## reasoning ## ]]\`, then \`[[ ## recall ## ]]\` (must be formatted as a valid Python float), then \`[[ ## precision ## ]]\` (must be formatted as a valid Python float), and then ending with the marker for \`[[ ## completed ## ]]\`.`

describe('SemanticF1', () => {
  it('sends the judge prompt DSPy sends and returns the F1 as a Prediction (test_semantic_f1_score_value)', async () => {
    const { model, metric } = judge([{ reasoning: 'Comparing the responses', precision: 0.8, recall: 0.6 }])
    const result = await metric.evaluate(example, prediction)
    expect(result.score).toBeCloseTo((2 * (0.8 * 0.6)) / (0.8 + 0.6), 12)
    const [system, user] = model.requests[0]?.messages ?? []
    expect(system?.content).toBe(expectedSystem)
    expect(user?.content).toBe(expectedUser)
  })

  it('returns pass/fail against the threshold when a trace is given (test_semantic_f1_returns_prediction_with_trace)', async () => {
    const { metric } = judge([
      { reasoning: 'r', precision: 0.8, recall: 0.6 },
      { reasoning: 'r', precision: 0.8, recall: 0.6 },
    ])
    expect((await metric.evaluate(example, prediction, [])).score).toBe(true)
    metric.threshold = 0.7
    expect((await metric.evaluate(example, prediction, [])).score).toBe(false)
    expect(new SemanticF1().threshold).toBe(0.66)
  })

  it('uses the decompositional judge on request', async () => {
    const { model, metric } = judge(
      [{ reasoning: 'r', ground_truth_key_ideas: '1. two', system_response_key_ideas: '1. two', discussion: 'same', recall: 1, precision: 1 }],
      { decompositional: true },
    )
    expect((await metric.call({ example, prediction })).score).toBe(1)
    const system = String(model.requests[0]?.messages[0]?.content)
    expect(system).toContain('4. `discussion` (str): discussion of the overlap between ground truth and system response')
    expect(system).toContain(
      "        Compare a system's response to the ground truth to compute recall and precision of key ideas.\n        You will first enumerate key ideas in each response, discuss their overlap, and then report recall and precision.",
    )
  })

  it('is a Module with DSPy parameter names, usable as a Metric', async () => {
    const { metric } = judge([{ reasoning: 'r', precision: 1, recall: 0 }])
    expect(metric.namedPredictors().map(([name]) => name)).toEqual(['module.predict'])
    expect(Object.keys(metric.dumpState())).toEqual(['module.predict'])
    const asMetric: Metric = metric.metric
    expect(await asMetric(example, prediction)).toBeInstanceOf(Prediction)
    expectTypeOf(metric.metric).toExtend<Metric>()
  })

  it('names a missing field', async () => {
    const { metric } = judge([])
    await expect(metric.evaluate(new Example({ question: 'q' }), prediction)).rejects.toThrow(
      expect.objectContaining({ code: 'metric-missing-field', field: 'response' }),
    )
  })
})
