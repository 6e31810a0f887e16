// @ts-check
// bootstrap-rs: BootstrapFewShotWithRandomSearch (8 candidates + 3 baselines, 100 train and 100 val
// examples) over real HTTP to the fake OpenAI server in its own process, answering after 50 ms and only
// correctly when the prompt holds a demo of the question's category, so scores depend on the chosen demos.
// Concurrency 64 against the same compile at concurrency 1 (DSPy bootstraps sequentially), measured in
// full (about a minute); both must choose the same program (same demos and candidate scores).
import { fork } from 'node:child_process'
import { LM } from '@dspex/lm'
import { createOpenAI } from '@dspex/openai'
import { Predict } from '@dspex/predict'
import { context, Example } from '@dspex/primitives'
import { BootstrapFewShotWithRandomSearch } from '@dspex/teleprompt'
import { report } from './measure.mjs'

const latencyMs = 50
const categoryCount = 40
const child = fork(new URL('./fake-openai-server.mjs', import.meta.url), ['--latency-ms', String(latencyMs), '--demo-sensitive'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
/** @type {string} */
const baseURL = await new Promise((resolve, reject) => {
  child.once('message', (message) => resolve(/** @type {{ url: string }} */ (message).url))
  child.once('error', reject)
  child.once('exit', (code) => reject(new Error(`fake OpenAI server exited with code ${code}`)))
})

/** `count` examples `[tN] question I?` → `answer-I`, I from `start`. */
function questions(/** @type {number} */ count, start = 0) {
  return Array.from({ length: count }, (_, offset) => {
    const index = start + offset
    return new Example({ question: `[t${index % categoryCount}] question ${index}?`, answer: `answer-${index}` }).withInputs('question')
  })
}

const metric = (/** @type {Example} */ example, /** @type {import('@dspex/primitives').Prediction} */ prediction) =>
  prediction.get('answer') === example.get('answer')

/** Compiles once; returns the seconds taken, the LM calls made and the chosen program's saved state. */
async function compile(/** @type {{ concurrency: number, train: number, val: number }} */ config) {
  const model = createOpenAI({ baseURL, apiKey: 'test' })('gpt-4o-mini')
  let calls = 0
  const counted = Object.create(model)
  counted.generate = (/** @type {Parameters<typeof model.generate>[0]} */ request) => {
    calls += 1
    return model.generate(request)
  }
  const lm = new LM(counted, { cache: false, maxHistorySize: 10 })
  const search = new BootstrapFewShotWithRandomSearch({ metric, numCandidatePrograms: 8, concurrency: config.concurrency })
  const started = performance.now()
  const best = await context({ lm }, () =>
    search.compile(new Predict('question -> answer'), { trainset: questions(config.train), valset: questions(config.val, 10_000) }),
  )
  const seconds = (performance.now() - started) / 1000
  return { seconds, calls, state: JSON.stringify(best.dumpState()), scores: best.candidatePrograms.map(({ seed, score }) => `${seed}:${score}`) }
}

try {
  await compile({ concurrency: 64, train: 100, val: 10 })
  const concurrent = await compile({ concurrency: 64, train: 100, val: 100 })
  // The same compile one call at a time, as DSPy bootstraps (about a minute at 50 ms per call).
  const sequential = await compile({ concurrency: 1, train: 100, val: 100 })
  const same = concurrent.state === sequential.state && concurrent.scores.join() === sequential.scores.join()
  report(
    'bootstrap-rs',
    concurrent.seconds,
    's',
    `${(sequential.seconds / concurrent.seconds).toFixed(1)}x faster than sequential; 8 candidates, 100 train and 100 val examples, ` +
      `${latencyMs} ms per LM call; concurrency 64: ${concurrent.calls} LM calls (speculative bootstrap calls included); ` +
      `concurrency 1: ${sequential.seconds.toFixed(1)} s, ${sequential.calls} calls; same program: ${same ? 'yes' : 'no'}`,
  )
  if (!same) throw new Error(`bootstrap-rs: concurrency 64 and 1 chose different programs (${concurrent.scores} vs ${sequential.scores})`)
} finally {
  child.disconnect()
}
