import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { LM } from '@dspex/lm'
import { ChainOfThought, Predict } from '@dspex/predict'
import { type Callback, configure, context, defaultSettings, Example, type ForwardOptions, Module, Prediction } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { EvaluateError } from './errors/evaluate-error.js'
import { Evaluate } from './evaluate.js'

afterEach(() => configure(defaultSettings()))

const newExample = (question: string, answer: string) => new Example({ question, answer }).withInputs('question')
const exactMatch = (example: Example, prediction: Prediction): boolean => prediction.get('answer') === example.get('answer')
const lmFor = (model: ScriptedLM): LM => new LM(model, { cache: false })
const twoQuestions = () => [newExample('What is 1+1?', '2'), newExample('What is 2+2?', '4')]

/** Answers `question` upper-cased after `delayMs`; throws for questions starting with `fail`; counts calls in flight. */
class Echo extends Module<{ question: string }> {
  running = 0
  mostAtOnce = 0
  started = 0
  aborted = 0

  constructor(readonly delayMs = 1) {
    super()
  }

  protected async forward({ question }: { question: string }, { signal }: ForwardOptions): Promise<Prediction> {
    this.started += 1
    this.running += 1
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running)
    try {
      await sleep(this.delayMs, undefined, { signal })
      if (question.startsWith('fail')) throw new Error(`failed ${question}`)
      return new Prediction({ answer: question.toUpperCase() })
    } catch (error) {
      if (signal?.aborted === true) this.aborted += 1
      throw error
    } finally {
      this.running -= 1
    }
  }
}

const echoDevset = (count: number, failing: (index: number) => boolean = () => false) =>
  Array.from({ length: count }, (_, index) => {
    const question = `${failing(index) ? 'fail' : 'q'}${index}`
    return newExample(question, index % 2 === 0 ? question.toUpperCase() : 'wrong')
  })

describe('Evaluate (DSPy test_evaluate.py)', () => {
  it('keeps its options', () => {
    const devset = [newExample('What is 1+1?', '2')]
    const evaluate = new Evaluate({ devset, metric: exactMatch, displayProgress: false })
    expect(evaluate.devset).toBe(devset)
    expect(evaluate.metric).toBe(exactMatch)
  })

  it('scores 100.0 on a dict-mode scripted LM', async () => {
    configure({ lm: lmFor(new ScriptedLM({ 'What is 1+1?': { answer: '2' }, 'What is 2+2?': { answer: '4' } })) })
    const program = new Predict('question -> answer')
    expect((await program.call({ question: 'What is 1+1?' })).answer).toBe('2')
    const result = await new Evaluate({ devset: twoQuestions(), metric: exactMatch }).run(program)
    expect(result.score).toBe(100)
    expect(result.aborted).toBe(false)
    expect(result.results.map(({ prediction, score, error }) => [prediction.get('answer'), score, error])).toEqual([
      ['2', 1, undefined],
      ['4', 1, undefined],
    ])
    expect(String(result)).toBe('EvaluationResult(score=100, results=<list of 2 results>)')
  })

  it('scores one at a time with concurrency 1, and runs ChainOfThought programs', async () => {
    configure({
      lm: lmFor(new ScriptedLM({ '1+1': { reasoning: 'One plus one.', answer: '2' }, '2+2': { reasoning: 'Two and two.', answer: '5' } })),
    })
    const result = await new Evaluate({ devset: twoQuestions(), metric: exactMatch, concurrency: 1 }).run(new ChainOfThought('question -> answer'))
    expect(result.score).toBe(50)
    expect(result.results[1]?.prediction.get('reasoning')).toBe('Two and two.')
  })

  it('averages over the devset as DSPy rounds it', async () => {
    const result = await new Evaluate({ devset: echoDevset(3), metric: exactMatch }).run(new Echo())
    expect(result.score).toBe(66.67)
  })

  it('gives a failing example an empty Prediction and failureScore, keeping its error', async () => {
    const devset = echoDevset(4, (index) => index === 2)
    const result = await new Evaluate({ devset, metric: exactMatch, failureScore: 0.25 }).run(new Echo())
    const failed = result.results[2]
    if (failed === undefined) throw new Error('no third result')
    expect(failed.prediction).toBeInstanceOf(Prediction)
    expect(failed.prediction.keys()).toEqual([])
    expect(failed.score).toBe(0.25)
    expect((failed.error as Error).message).toBe('failed fail2')
    expect(result.score).toBe(pyRound((100 * 1.25) / 4))
  })

  it('counts a metric that throws as a failed example', async () => {
    const metric = (): number => {
      throw new Error('metric broke')
    }
    const result = await new Evaluate({ devset: echoDevset(2), metric, maxErrors: 5 }).run(new Echo())
    expect(result.score).toBe(0)
    expect(result.results.map(({ error }) => (error as Error).message)).toEqual(['metric broke', 'metric broke'])
  })

  it('takes numbers, booleans and Predictions with a score from the metric', async () => {
    const scores = [0.5, true, new Prediction({ score: 0.25 })]
    let call = 0
    const result = await new Evaluate({ devset: echoDevset(3), metric: () => scores[call++] ?? 0, concurrency: 1 }).run(new Echo())
    expect(result.results.map(({ score }) => score)).toEqual([0.5, 1, 0.25])
    expect(result.score).toBe(58.33)
  })

  it('runs at most `concurrency` examples at once, and thousands at once when asked', async () => {
    const echo = new Echo(2)
    await new Evaluate({ devset: echoDevset(60), metric: exactMatch, concurrency: 7 }).run(echo)
    expect(echo.mostAtOnce).toBe(7)
    const wide = new Echo(5)
    const result = await new Evaluate({ devset: echoDevset(3000), metric: exactMatch, concurrency: 2000 }).run(wide)
    expect(wide.mostAtOnce).toBe(2000)
    expect(result.results).toHaveLength(3000)
    const scoped = new Echo(1)
    await context({ concurrency: 3 }, () => new Evaluate({ devset: echoDevset(20), metric: exactMatch }).run(scoped))
    expect(scoped.mostAtOnce).toBe(3)
  })

  it('cancels the rest once maxErrors examples failed, throwing with what finished', async () => {
    const echo = new Echo(2)
    const devset = echoDevset(100, (index) => index >= 10 && index % 3 === 0)
    const failure = await new Evaluate({ devset, metric: exactMatch, concurrency: 4, maxErrors: 3 }).run(echo).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(EvaluateError)
    const { code, result, message } = failure as EvaluateError
    expect(code).toBe('evaluate-max-errors')
    expect(message).toMatch(/^Execution cancelled due to errors or interruption/)
    expect(result?.aborted).toBe(true)
    expect(result?.results.filter(({ error }) => error !== undefined)).toHaveLength(3)
    expect(result?.results.length).toBeLessThan(100)
    expect(echo.started).toBeLessThan(100)
    await sleep(10)
    expect(echo.running).toBe(0)
  })

  it('takes maxErrors from the settings (10)', async () => {
    const failure = await new Evaluate({ devset: echoDevset(30, () => true), metric: exactMatch, concurrency: 1 })
      .run(new Echo())
      .catch((error: unknown) => error)
    expect((failure as EvaluateError).result?.results).toHaveLength(10)
  })

  it('returns what finished when the signal fires, with aborted: true', async () => {
    const controller = new AbortController()
    class Stopping extends Echo {
      protected override forward(inputs: { question: string }, options: ForwardOptions): Promise<Prediction> {
        if (inputs.question === 'q20') controller.abort(new Error('user stop'))
        return super.forward(inputs, options)
      }
    }
    const echo = new Stopping()
    const result = await new Evaluate({ devset: echoDevset(200), metric: exactMatch, concurrency: 4 }).run(echo, { signal: controller.signal })
    expect(result.aborted).toBe(true)
    expect(result.results.length).toBeGreaterThan(0)
    expect(result.results.length).toBeLessThan(200)
    expect(result.results.every(({ error }) => error === undefined)).toBe(true)
    const sum = result.results.reduce((total, { score }) => total + score, 0)
    expect(result.score).toBe(pyRound((100 * sum) / result.results.length))
    await sleep(10)
    expect(echo.running).toBe(0)
    expect(echo.aborted).toBeGreaterThan(0)
  })

  it('returns an empty aborted result for an already aborted signal', async () => {
    const echo = new Echo()
    const result = await new Evaluate({ devset: echoDevset(3), metric: exactMatch }).run(echo, { signal: AbortSignal.abort() })
    expect(result).toMatchObject({ score: 0, results: [], aborted: true })
    expect(echo.started).toBe(0)
  })

  it('takes metric, devset and concurrency overrides per run', async () => {
    const evaluate = new Evaluate({ devset: echoDevset(2), metric: () => 0 })
    const echo = new Echo()
    const result = await evaluate.run(echo, { devset: echoDevset(6), metric: () => 1, concurrency: 2 })
    expect(result.results).toHaveLength(6)
    expect(result.score).toBe(100)
    expect(echo.mostAtOnce).toBe(2)
  })

  it('reports the run to onEvaluateStart and onEvaluateEnd callbacks', async () => {
    const events: unknown[][] = []
    const callback: Callback = {
      onEvaluateStart: (callId, instance, inputs) => {
        events.push(['start', callId, instance, inputs])
      },
      onEvaluateEnd: (callId, outputs, exception) => {
        events.push(['end', callId, outputs, exception])
      },
    }
    const program = new Echo()
    const devset = echoDevset(2)
    const evaluate = new Evaluate({ devset, metric: exactMatch, callbacks: [callback] })
    const result = await evaluate.run(program, { callbackMetadata: { round: 1 } })
    expect(events).toHaveLength(2)
    const [[, startId, instance, inputs], [, endId, outputs, exception]] = events as [unknown[], unknown[]]
    expect(startId).toBe(endId)
    expect(instance).toBe(evaluate)
    expect(inputs).toMatchObject({ program, devset, metric: exactMatch, callbackMetadata: { round: 1 }, displayProgress: false })
    expect(outputs).toBe(result)
    expect(exception).toBeNull()
  })

  it('reports a maxErrors stop to onEvaluateEnd as the exception', async () => {
    const ends: unknown[] = []
    configure({
      callbacks: [
        {
          onEvaluateEnd: (_id, _outputs, exception) => {
            ends.push(exception)
          },
        },
      ],
    })
    await expect(new Evaluate({ devset: echoDevset(3, () => true), metric: exactMatch, maxErrors: 1 }).run(new Echo())).rejects.toThrow(EvaluateError)
    expect(ends[0]).toBeInstanceOf(EvaluateError)
  })

  it('prints the results table to the writer, the first n rows when displayTable is a number', async () => {
    let printed = ''
    const write = (text: string): void => {
      printed += text
    }
    await new Evaluate({ devset: echoDevset(3), metric: exactMatch, displayTable: 2, write }).run(new Echo())
    expect(printed).toBe(
      [
        '   question  example_answer  pred_answer  exactMatch',
        '0  q0        Q0              Q0           ✔️ [1.000]',
        '1  q1        wrong           Q1           ✔️ [0.000]',
        '... 1 more rows not displayed ...',
        '',
      ].join('\n'),
    )
  })

  it('writes the rows as CSV and JSON files, named after the metric', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'dspex-evaluate-'))
    const saveAsCSV = join(directory, 'results.csv')
    const saveAsJSON = join(directory, 'results.json')
    const devset = echoDevset(3, (index) => index === 1)
    await new Evaluate({ devset, metric: exactMatch, saveAsCSV, saveAsJSON }).run(new Echo())
    expect(await readFile(saveAsCSV, 'utf8')).toBe(
      'question,example_answer,pred_answer,exactMatch,answer\r\nq0,Q0,Q0,1,\r\nfail1,,,0,wrong\r\nq2,Q2,Q2,1,\r\n',
    )
    expect(JSON.parse(await readFile(saveAsJSON, 'utf8'))).toEqual([
      { question: 'q0', example_answer: 'Q0', pred_answer: 'Q0', exactMatch: 1 },
      { question: 'fail1', answer: 'wrong', exactMatch: 0 },
      { question: 'q2', example_answer: 'Q2', pred_answer: 'Q2', exactMatch: 1 },
    ])
  })

  it('throws evaluate-save-failed with the full result when a file cannot be written', async () => {
    const failure = await new Evaluate({ devset: echoDevset(1), metric: exactMatch, saveAsJSON: '/nonexistent-dir/x/y.json' })
      .run(new Echo())
      .catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'evaluate-save-failed' })
    expect((failure as EvaluateError).result?.score).toBe(100)
  })

  it('rejects a missing metric, an empty devset and bad options', async () => {
    const echo = new Echo()
    await expect(new Evaluate({ devset: echoDevset(1) }).run(echo)).rejects.toMatchObject({ code: 'evaluate-invalid-options' })
    await expect(new Evaluate({ devset: [], metric: exactMatch }).run(echo)).rejects.toMatchObject({ code: 'evaluate-invalid-options' })
    await expect(new Evaluate({ devset: echoDevset(1), metric: exactMatch, concurrency: 0 }).run(echo)).rejects.toMatchObject({
      code: 'evaluate-invalid-options',
      message: 'Invalid Evaluate options: concurrency must be a positive integer, got 0..',
    })
    expect(() => new Evaluate({ devset: [], displayTable: -1 })).toThrow(EvaluateError)
    expect(() => new Evaluate({ devset: [], failureScore: Number.NaN })).toThrow(EvaluateError)
    expect(echo.started).toBe(0)
  })

  it('counts an example without inputs as a failed example, as DSPy does', async () => {
    const result = await new Evaluate({ devset: [new Example({ question: 'q0', answer: 'Q0' }), ...echoDevset(1)], metric: exactMatch }).run(
      new Echo(),
    )
    expect(result.results[0]?.error).toMatchObject({ code: 'example-inputs-not-set' })
    expect(result.score).toBe(50)
  })
})

/** Python's round(x, 2) for the values used here (no exact ties). */
function pyRound(value: number): number {
  return Math.round(value * 100) / 100
}
