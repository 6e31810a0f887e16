import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { configure, defaultSettings, Example, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM, ScriptedLM } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { COPRO, formatAttempts } from './copro.js'
import { CompileOptionsError } from './errors/compile-options-error.js'

const rule = 'Answer in uppercase'
const qa: Record<string, string> = { 'Capital of France?': 'PARIS', 'Capital of Peru?': 'LIMA', 'Capital of Spain?': 'MADRID' }
const trainset = Object.entries(qa).map(([question, answer]) => new Example({ question, answer }).withInputs('question'))
const metric = (example: Example, prediction: Prediction): boolean => example.get('answer') === prediction.get('answer')

const firstProposals = [
  { proposed_instruction: '"Be concise."', proposed_prefix_for_output_field: 'Answer:' },
  { proposed_instruction: `${rule} letters.`, proposed_prefix_for_output_field: '"Final Answer:"' },
]
const laterProposals = [
  { proposed_instruction: 'Think hard.', proposed_prefix_for_output_field: 'Answer:' },
  { proposed_instruction: `${rule}, always.`, proposed_prefix_for_output_field: 'Answer:' },
  { proposed_instruction: 'Be concise.', proposed_prefix_for_output_field: 'Answer:' },
]

const setup = () => {
  let basic = 0
  let given = 0
  const promptModel = new ScriptedLM((request) => {
    const system = String(request.messages[0]?.content)
    if (system.includes('basic_instruction')) return firstProposals[basic++ % firstProposals.length] ?? {}
    return laterProposals[given++ % laterProposals.length] ?? {}
  })
  const taskModel = createDemoSensitiveLM({ answers: qa, ruleRequired: rule })
  configure({ lm: new LM(taskModel, { cache: false }) })
  const optimizer = new COPRO({ promptModel: new LM(promptModel, { cache: false }), metric, breadth: 3, depth: 2, trackStats: true, concurrency: 4 })
  return { promptModel, taskModel, optimizer, student: new Predict('question -> answer') }
}

afterEach(() => configure(defaultSettings()))

const basicSystem = `Your input fields are:
1. \`basic_instruction\` (str): The initial instructions before optimization
Your output fields are:
1. \`proposed_instruction\` (str): The improved instructions for the language model
2. \`proposed_prefix_for_output_field\` (str): The string at the end of the prompt, which will help the model start solving the task
All interactions will be structured in the following way, with the appropriate values filled in.

[[ ## basic_instruction ## ]]
{basic_instruction}

[[ ## proposed_instruction ## ]]
{proposed_instruction}

[[ ## proposed_prefix_for_output_field ## ]]
{proposed_prefix_for_output_field}

[[ ## completed ## ]]
In adhering to this structure, your objective is: 
        You are an instruction optimizer for large language models. I will give you a \`\`signature\`\` of fields (inputs and outputs) in English. Your task is to propose an instruction that will lead a good language model to perform the task well. Don't be afraid to be creative.`

describe('COPRO (DSPy tests/teleprompt/test_copro_optimizer.py)', () => {
  it('keeps its settings and refuses a breadth of 1', () => {
    const optimizer = new COPRO({ metric, breadth: 2, depth: 1, initTemperature: 1.4 })
    expect(optimizer.getParams()).toMatchObject({ breadth: 2, depth: 1, initTemperature: 1.4, trackStats: false })
    expect(() => new COPRO({ metric, breadth: 1 })).toThrow(CompileOptionsError)
    expect(() => new COPRO({ metric, breadth: 1 })).toThrow('Breadth must be greater than 1')
  })

  it('tracks statistics and the number of evaluations', async () => {
    const { optimizer, student } = setup()
    const result = await optimizer.compileWithStats(student, { trainset })
    expect(result.totalCalls).toBe(6)
    expect(result.resultsLatest?.self).toEqual({
      depth: [0, 1],
      max: [100, 100],
      average: [100 / 3, 100 / 3],
      min: [0, 0],
      std: [expect.closeTo(47.14, 2), expect.closeTo(47.14, 2)],
    })
    expect(result.resultsBest?.self?.depth).toEqual([0, 1])
    expect(result.resultsBest?.self?.max).toEqual([100, 100])
  })
})

describe('COPRO', () => {
  it('finds the instruction holding the rule and scores higher than the student', async () => {
    const { optimizer, student } = setup()
    const compiled = await optimizer.compile(student, { trainset })
    expect(compiled.signature.instructions).toBe(`${rule} letters.`)
    expect(compiled.signature.outputFields.at(-1)?.prefix).toBe('Final Answer:')
    const evaluate = new Evaluate({ devset: trainset, metric })
    expect((await evaluate.run(student)).score).toBe(0)
    expect((await evaluate.run(compiled)).score).toBe(100)
  })

  it('sends the prompt model DSPy’s BasicGenerateInstruction prompt, n = breadth - 1 at initTemperature', async () => {
    const { optimizer, student, promptModel } = setup()
    await optimizer.compile(student, { trainset })
    const first = promptModel.requests[0]
    expect(first?.n).toBe(2)
    expect(first?.temperature).toBe(1.4)
    expect(first?.messages.map((message) => message.role)).toEqual(['system', 'user'])
    expect(first?.messages[0]?.content).toBe(basicSystem)
    expect(first?.messages[1]?.content).toBe(
      '[[ ## basic_instruction ## ]]\nGiven the fields `question`, produce the fields `answer`.\n\nRespond with the corresponding output fields, starting with the field `[[ ## proposed_instruction ## ]]`, then `[[ ## proposed_prefix_for_output_field ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
    )
  })

  it('then sends the scored attempts, worst to best, as DSPy formats them', async () => {
    const { optimizer, student, promptModel } = setup()
    await optimizer.compile(student, { trainset })
    const second = promptModel.requests[1]
    expect(second?.n).toBe(3)
    const system = String(second?.messages[0]?.content)
    expect(system).toContain('1. `attempted_instructions` (str):')
    expect(system).toContain(
      "your objective is: \n        You are an instruction optimizer for large language models. I will give some task instructions I've tried, along with their corresponding validation scores. The instructions are arranged in increasing order based on their scores, where higher scores indicate better quality.\n        \n        Your task is to propose a new instruction",
    )
    const user = String(second?.messages[1]?.content)
    expect(user.split('\n\nRespond with')[0]).toBe(
      [
        '[[ ## attempted_instructions ## ]]',
        '[1] «Instruction #1: Given the fields `question`, produce the fields `answer`.»',
        '[2] «Prefix #1: Answer:»',
        '[3] «Resulting Score #1: 0.0»',
        '[4] «Instruction #2: Be concise.»',
        '[5] «Prefix #2: Answer:»',
        '[6] «Resulting Score #2: 0.0»',
        `[7] «Instruction #3: ${rule} letters.»`,
        '[8] «Prefix #3: Final Answer:»',
        '[9] «Resulting Score #3: 100.0»',
      ].join('\n'),
    )
  })

  it('keeps every evaluated candidate, best first, without duplicates', async () => {
    const { optimizer, student } = setup()
    const { candidates } = await optimizer.compileWithStats(student, { trainset })
    expect(candidates.map((candidate) => [candidate.instruction, candidate.score, candidate.depth])).toEqual([
      [`${rule} letters.`, 100, 0],
      [`${rule}, always.`, 100, 1],
      ['Be concise.', 0, 0],
      ['Given the fields `question`, produce the fields `answer`.', 0, 0],
      ['Think hard.', 0, 1],
    ])
  })

  it('never mutates the student, gives the same program on every run, and saves and loads it', async () => {
    const first = setup()
    const before = structuredClone(first.student.dumpState())
    const compiled = await first.optimizer.compile(first.student, { trainset })
    expect(first.student.dumpState()).toEqual(before)
    expect(compiled).not.toBe(first.student)
    expect(compiled.compiled).toBe(true)
    const second = setup()
    expect((await second.optimizer.compile(second.student, { trainset })).dumpState()).toEqual(compiled.dumpState())

    const path = join(await mkdtemp(join(tmpdir(), 'dspex-copro-')), 'copro.json')
    await compiled.save(path)
    const loaded = await new Predict('question -> answer').load(path)
    expect(loaded.signature.instructions).toBe(`${rule} letters.`)
    expect(loaded.dumpState()).toEqual(compiled.dumpState())
    await compiled.call({ question: 'Capital of Peru?' })
    await loaded.call({ question: 'Capital of Peru?' })
    const [viaCompiled, viaLoaded] = second.taskModel.requests.slice(-2)
    expect(viaLoaded?.messages).toEqual(viaCompiled?.messages)
  })

  it('formats attempts with Python float scores', () => {
    const ranked = [
      { instruction: 'b', prefix: 'B:', score: 66.67 },
      { instruction: 'a', prefix: 'A:', score: 50 },
    ]
    expect(formatAttempts(ranked, 1)).toEqual(['Instruction #1: b', 'Prefix #1: B:', 'Resulting Score #1: 66.67'])
    expect(formatAttempts(ranked, 5)[2]).toBe('Resulting Score #1: 50.0')
  })
})
