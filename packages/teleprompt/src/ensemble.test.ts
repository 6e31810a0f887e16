import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { majority, Predict } from '@dspex/predict'
import { Example, Module } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { Ensemble } from './ensemble.js'
import { CompileOptionsError } from './errors/compile-options-error.js'
import { EnsembleError } from './errors/ensemble-error.js'
import { TelepromptError } from './errors/teleprompt-error.js'

class MockProgram extends Module<object, number> {
  output: number
  constructor(output: number) {
    super()
    this.output = output
  }
  protected forward(): number {
    return this.output
  }
}

const mean = (outputs: number[]): number => outputs.reduce((sum, value) => sum + value, 0) / outputs.length
const programsUpTo = (count: number): MockProgram[] => Array.from({ length: count }, (_, index) => new MockProgram(index))

describe('Ensemble (DSPy tests/teleprompt/test_ensemble.py)', () => {
  it('returns every program’s output without a reduce function', async () => {
    const outputs = await new Ensemble<number>().compile(programsUpTo(5)).call({})
    expect(outputs).toEqual([0, 1, 2, 3, 4])
  })

  it('applies the reduce function', async () => {
    const output = await new Ensemble({ reduceFn: mean }).compile(programsUpTo(5)).call({})
    expect(output).toBe(2)
  })

  it('runs only `size` programs', async () => {
    const outputs = await new Ensemble<number>({ size: 3 }).compile(programsUpTo(10)).call({})
    expect(outputs).toHaveLength(3)
  })

  it('refuses deterministic: true with DSPy’s message', () => {
    expect(() => new Ensemble({ deterministic: true })).toThrow(EnsembleError)
    expect(() => new Ensemble({ deterministic: true })).toThrow('TODO: Implement example hashing for deterministic ensemble.')
    try {
      new Ensemble({ deterministic: true })
    } catch (error) {
      expect(TelepromptError.isInstance(error) && error.code).toBe('ensemble-deterministic-unsupported')
    }
  })
})

describe('Ensemble (DSPex behaviour)', () => {
  it('samples the same programs for the same seed, and other ones for another seed', async () => {
    const run = async (seed: number): Promise<number[][]> => {
      const program = new Ensemble<number>({ size: 3, seed }).compile(programsUpTo(10))
      return [await program.call({}), await program.call({})]
    }
    const first = await run(0)
    expect(await run(0)).toEqual(first)
    expect(await run(1)).not.toEqual(first)
    // CPython: random.Random(0).sample(range(10), 3) == [6, 9, 0]
    expect(first[0]).toEqual([6, 9, 0])
  })

  it('copies the programs: later changes to them, or to the ensemble, do not leak', async () => {
    const programs = programsUpTo(2)
    const ensembled = new Ensemble<number>().compile(programs)
    ;(programs[0] as MockProgram).output = 99
    expect(await ensembled.call({})).toEqual([0, 1])
    ;(ensembled.programs[1] as MockProgram).output = 42
    expect((programs[1] as MockProgram).output).toBe(1)
    expect(ensembled.compiled).toBe(true)
  })

  it('checks size against the programs', () => {
    expect(() => new Ensemble({ size: 0 })).toThrow(CompileOptionsError)
    expect(() => new Ensemble({ size: 4 }).compile(programsUpTo(3))).toThrow(expect.objectContaining({ code: 'compile-invalid-options' }))
    expect(() => new Ensemble().compile([])).toThrow(CompileOptionsError)
  })

  it('majority over three programs, one of them wrong, beats the wrong program alone', async () => {
    const devset = ['paris', 'rome', 'oslo', 'bern'].map((letter) =>
      new Example({ question: letter, answer: letter.toUpperCase() }).withInputs('question'),
    )
    const upper = (): LM => new LM(new ScriptedLM((request) => ({ answer: lastQuestion(request.messages).toUpperCase() })), { cache: false })
    const wrong = new Predict('question -> answer', { lm: new LM(new ScriptedLM(() => ({ answer: 'no idea' })), { cache: false }) })
    const programs = [new Predict('question -> answer', { lm: upper() }), wrong, new Predict('question -> answer', { lm: upper() })]
    const voting = new Ensemble({ reduceFn: majority }).compile(programs)
    const evaluate = new Evaluate({ devset, metric: (example, prediction) => example.get('answer') === prediction.get('answer') })
    expect((await evaluate.run(wrong)).score).toBe(0)
    expect((await evaluate.run(voting)).score).toBe(100)
  })

  it('saves and loads the programs’ prompts', async () => {
    const first = new Predict('question -> answer')
    first.signature = first.signature.withInstructions('Answer in capitals.')
    first.demos = [{ question: 'x', answer: 'X' }]
    const ensembled = new Ensemble({ reduceFn: majority }).compile([first, new Predict('question -> answer')])
    const path = join(await mkdtemp(join(tmpdir(), 'dspex-ensemble-')), 'ensemble.json')
    await ensembled.save(path)
    const fresh = new Ensemble({ reduceFn: majority }).compile([new Predict('question -> answer'), new Predict('question -> answer')])
    await fresh.load(path)
    expect(fresh.dumpState()).toEqual(ensembled.dumpState())
    expect(Object.keys(fresh.dumpState())).toEqual(['programs[0]', 'programs[1]'])
    expect((fresh.programs[0] as typeof first).signature.instructions).toBe('Answer in capitals.')
  })
})

function lastQuestion(messages: readonly { content: unknown }[]): string {
  const content = messages.at(-1)?.content
  const text = typeof content === 'string' ? content : ''
  return /\[\[ ## question ## \]\]\n(.*)\n/.exec(text)?.[1] ?? ''
}
