import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { configure, defaultSettings, Example, type Prediction } from '@dspex/primitives'
import { Signature } from '@dspex/signatures'
import { demoSensitiveAnswer, ScriptedLM } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { formatExamples, InferRules } from './infer-rules.js'

const rule = 'Answer in uppercase'
const qa: Record<string, string> = {
  'Capital of France?': 'PARIS',
  'Capital of Peru?': 'LIMA',
  'Capital of Spain?': 'MADRID',
  'Capital of Chile?': 'SANTIAGO',
}
const trainset = Object.entries(qa).map(([question, answer]) => new Example({ question, answer }).withInputs('question'))
const metric = (example: Example, prediction: Prediction): boolean => example.get('answer') === prediction.get('answer')
const proposedRules = ['1. Be polite.', `1. ${rule}.\n2. Be brief.`, '1. Be brief.']

/** One scripted model: rule induction answers from `proposedRules` in turn; the task is answered by the demo-sensitive rule. */
const setup = () => {
  let induced = 0
  const model = new ScriptedLM((request) => {
    const system = String(request.messages[0]?.content)
    if (system.includes('examples_text'))
      return { reasoning: 'Looking at the examples.', natural_language_rules: ` ${proposedRules[induced++ % proposedRules.length]} ` }
    return demoSensitiveAnswer(request.messages, { answers: qa, ruleRequired: rule })
  })
  configure({ lm: new LM(model, { cache: false }) })
  const optimizer = new InferRules({ metric, numCandidates: 3, numRules: 5, maxBootstrappedDemos: 1, maxLabeledDemos: 1, concurrency: 4 })
  return { model, optimizer, student: new Predict('question -> answer') }
}

afterEach(() => configure(defaultSettings()))

describe('InferRules', () => {
  it('appends the induced rules of the best candidate to the instructions and scores higher than the student', async () => {
    const { optimizer, student } = setup()
    const compiled = await optimizer.compile(student, { trainset })
    expect(compiled.signature.instructions).toBe(
      `Given the fields \`question\`, produce the fields \`answer\`.\n\nPlease adhere to the following rules when making your prediction:\n1. ${rule}.\n2. Be brief.`,
    )
    const evaluate = new Evaluate({ devset: trainset.slice(2), metric })
    expect((await evaluate.run(student)).score).toBe(0)
    expect((await evaluate.run(compiled)).score).toBe(100)
    expect(compiled.compiled).toBe(true)
  })

  it('asks for rules with DSPy’s CustomRulesInduction prompt, the train half as examples, at temperature 1', async () => {
    const { optimizer, student, model } = setup()
    await optimizer.compile(student, { trainset })
    const inductions = model.requests.filter((request) => String(request.messages[0]?.content).includes('examples_text'))
    expect(inductions).toHaveLength(3)
    const [first] = inductions
    expect(first?.temperature).toBe(1)
    const system = String(first?.messages[0]?.content)
    expect(system).toContain(
      '1. `examples_text` (str): Text containing examples\nYour output fields are:\n1. `reasoning` (str): \n2. `natural_language_rules` (str): Induced natural language rules',
    )
    expect(system).toContain(
      'your objective is: \n        Given a set of examples, extract a list of 5 concise and non-redundant natural language rules that provide clear guidance for performing the task. All rules should be actionable for a well-specified scope of examples of this general kind of task.',
    )
    expect(String(first?.messages[1]?.content)).toContain(
      '[[ ## examples_text ## ]]\nInput Fields:\nquestion: Capital of France?\n\n=========\nOutput Fields:\nanswer: PARIS\n\nInput Fields:\nquestion: Capital of Peru?\n\n=========\nOutput Fields:\nanswer: LIMA',
    )
  })

  it('formats examples as DSPy’s format_examples', () => {
    const signature = Signature.parse('question, k: int -> answer')
    const demo: [string, unknown][] = [
      ['answer', 'x'],
      ['k', 3],
      ['question', 'q'],
    ]
    expect(formatExamples([demo], signature)).toBe('Input Fields:\nk: 3\nquestion: q\n\n=========\nOutput Fields:\nanswer: x\n\n')
  })

  it('never mutates the student, gives the same program on every run, and saves and loads it', async () => {
    const first = setup()
    const before = structuredClone(first.student.dumpState())
    const compiled = await first.optimizer.compile(first.student, { trainset })
    expect(first.student.dumpState()).toEqual(before)
    const second = setup()
    expect((await second.optimizer.compile(second.student, { trainset })).dumpState()).toEqual(compiled.dumpState())
    const path = join(await mkdtemp(join(tmpdir(), 'dspex-infer-rules-')), 'rules.json')
    await compiled.save(path)
    const loaded = await new Predict('question -> answer').load(path)
    expect(loaded.dumpState()).toEqual(compiled.dumpState())
    expect(loaded.signature.instructions).toContain(rule)
  })

  it('checks its options', async () => {
    expect(() => new InferRules({ numCandidates: 0 })).toThrow(CompileOptionsError)
    await expect(new InferRules().compile(new Predict('question -> answer'), { trainset })).rejects.toThrow('InferRules needs a metric')
  })
})
