import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { type Callback, context, type Example, type Prediction } from '@dspex/primitives'
import { createDemoSensitiveLM } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { taggedAnswer, taggedQuestions } from './__fixtures__/tagged-questions.js'
import { BootstrapFewShot } from './bootstrap-few-shot.js'
import { LabeledFewShot } from './labeled-few-shot.js'

/** Records every compile event with its call id, in order. */
function recordingCallback(): { callback: Callback; events: [string, string, unknown][] } {
  const events: [string, string, unknown][] = []
  return {
    events,
    callback: {
      onCompileStart: (callId, instance, inputs) => {
        events.push(['start', callId, { optimizer: instance.constructor.name, inputs: Object.keys(inputs) }])
      },
      onCompileEnd: (callId, outputs, exception) => {
        events.push(['end', callId, exception === null ? (outputs as object).constructor.name : exception])
      },
    },
  }
}

describe('compile callbacks', () => {
  const trainset = taggedQuestions(8)

  it('report each compile with the optimizer, its inputs and the compiled program', async () => {
    const { callback, events } = recordingCallback()
    const student = new Predict('question -> answer')
    const compiled = await context({ callbacks: [callback] }, () => new LabeledFewShot({ k: 2 }).compile(student, { trainset }))
    expect(compiled).not.toBe(student)
    expect(events).toEqual([
      ['start', expect.any(String), { optimizer: 'LabeledFewShot', inputs: ['student', 'trainset'] }],
      ['end', events[0]?.[1], student.constructor.name],
    ])
  })

  it('report a failed compile with what it threw', async () => {
    const { callback, events } = recordingCallback()
    const metric = (example: Example, prediction: Prediction): boolean => prediction.get('answer') === example.get('answer')
    const lm = new LM(createDemoSensitiveLM({ answers: taggedAnswer }), { cache: false })
    const controller = new AbortController()
    controller.abort(new Error('stop compiling'))
    const compiling = context({ callbacks: [callback], lm }, () =>
      new BootstrapFewShot({ metric }).compile(new Predict('question -> answer'), { trainset, signal: controller.signal }),
    )
    await expect(compiling).rejects.toThrow('stop compiling')
    expect(events.map(([kind]) => kind)).toEqual(['start', 'end'])
    expect(events[1]?.[2]).toMatchObject({ message: 'stop compiling' })
  })
})
