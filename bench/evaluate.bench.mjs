// @ts-check
// evaluate: Evaluate of `new Predict('question -> answer')` (ChatAdapter) with an exact-match metric over 1,000
// examples, concurrency 64, through `new LM(openai model)` to the fake OpenAI server in its own process,
// answering after 50 ms. Ideal: 16 waves of 64 x 50 ms = 0.80 s. Control ("bare-http"): the same 1,000 round
// trips from a minimal client (node:http keep-alive agent, 64 sockets, JSON.stringify, JSON.parse, string
// compare, 64 workers), measured in the same run. CPU per example: process.cpuUsage of this (client) process.
// Memory: heap used by 10,000 results of a cheap in-process program, per 10,000 results.
import { fork } from 'node:child_process'
import http from 'node:http'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Evaluate } from '@dspex/evaluate'
import { LM } from '@dspex/lm'
import { createOpenAI } from '@dspex/openai'
import { Predict } from '@dspex/predict'
import { configure, defaultSettings, Example, Module, Prediction } from '@dspex/primitives'
import { report } from './measure.mjs'

const examples = 1000
const concurrency = 64
const latencyMs = 50
const idealSeconds = (Math.ceil(examples / concurrency) * latencyMs) / 1000

const child = fork(new URL('./fake-openai-server.mjs', import.meta.url), ['--latency-ms', String(latencyMs), '--chat-answers'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
/** @type {string} */
const baseURL = await new Promise((resolve, reject) => {
  child.once('message', (message) => resolve(/** @type {{ url: string }} */ (message).url))
  child.once('error', reject)
  child.once('exit', (code) => reject(new Error(`fake OpenAI server exited with code ${code}`)))
})

const question = (/** @type {number} */ index) => `What is ${index} plus ${index * 7 + 3}?`
const devset = Array.from({ length: examples }, (_, index) =>
  new Example({ question: question(index), answer: String(index + index * 7 + 3) }).withInputs('question'),
)
/** @param {import('@dspex/primitives').Example} example @param {import('@dspex/primitives').Prediction} prediction */
const exactMatch = (example, prediction) => prediction.get('answer') === example.get('answer')

/** Runs `run` on every index with `workers` at once; returns the elapsed seconds and CPU microseconds. */
async function timed(/** @type {() => Promise<unknown>} */ run) {
  const cpu = process.cpuUsage()
  const started = performance.now()
  await run()
  const used = process.cpuUsage(cpu)
  return { seconds: (performance.now() - started) / 1000, cpuMicroseconds: used.user + used.system }
}

// The control: a minimal client doing the same 1,000 round trips.
const url = `${baseURL}/chat/completions`
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
const bareCall = (/** @type {number} */ index) =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `[[ ## question ## ]]\n${question(index)}` }] })
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => {
        text += chunk
      })
      response.on('end', () => {
        const content = JSON.parse(text).choices[0].message.content
        resolve(content.includes(`\n${devset[index]?.get('answer')}\n`))
      })
    })
    request.on('error', reject)
    request.end(body)
  })
const bareRun = async () => {
  let next = 0
  let correct = 0
  const worker = async () => {
    while (next < examples) {
      const index = next
      next += 1
      if (await bareCall(index)) correct += 1
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  if (correct !== examples) throw new Error(`bare-http control answered ${correct} of ${examples} correctly`)
}

try {
  const lm = new LM(createOpenAI({ baseURL, apiKey: 'test' })('gpt-4o-mini'), { cache: false })
  configure({ lm })
  const program = new Predict('question -> answer')
  const evaluate = new Evaluate({ devset, metric: exactMatch, concurrency, maxErrors: 1 })
  const ours = async () => {
    const result = await evaluate.run(program)
    if (result.score !== 100) throw new Error(`Evaluate scored ${result.score}, expected 100`)
  }
  // Five warm-up runs (V8 keeps optimising the client code over the first thousands of calls), then the
  // median of five: the steady state of a long evaluation.
  for (let round = 0; round < 5; round += 1) await ours()
  await bareRun()
  const bare = []
  const runs = []
  for (let round = 0; round < 5; round += 1) {
    bare.push(await timed(bareRun))
    runs.push(await timed(ours))
  }
  const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
  const seconds = median(runs.map((run) => run.seconds))
  const bareSeconds = median(bare.map((run) => run.seconds))
  const cpuPerExample = median(runs.map((run) => run.cpuMicroseconds)) / examples
  report(
    `evaluate-${examples}-c${concurrency}`,
    seconds,
    's',
    `${((100 * idealSeconds) / seconds).toFixed(0)}% of ideal, ${((100 * bareSeconds) / seconds).toFixed(0)}% of bare-http, ${cpuPerExample.toFixed(0)} us cpu/example; ideal ${idealSeconds.toFixed(2)} s, bare-http ${bareSeconds.toFixed(2)} s with ${(median(bare.map((run) => run.cpuMicroseconds)) / examples).toFixed(0)} us cpu/example`,
  )
} finally {
  agent.destroy()
  child.disconnect()
  configure(defaultSettings())
}

// Memory: the heap kept by 10,000 results of a cheap in-process program.
class Doubler extends Module {
  /** @param {{ question: string }} inputs */
  forward({ question }) {
    return new Prediction({ answer: question.length * 2 })
  }
}
setFlagsFromString('--expose-gc')
const gc = /** @type {() => void} */ (runInNewContext('gc'))
const count = 10_000
const memoryDevset = Array.from({ length: count }, (_, index) => new Example({ question: `q${index}`, answer: index }).withInputs('question'))
const memoryEvaluate = new Evaluate({ devset: memoryDevset, metric: () => 1, concurrency })
const doubler = new Doubler()
const fullGc = () => {
  gc()
  gc()
}
const warm = await memoryEvaluate.run(doubler)
fullGc()
const before = process.memoryUsage().heapUsed
const kept = await memoryEvaluate.run(doubler)
fullGc()
const after = process.memoryUsage().heapUsed
if (kept.results.length !== count || warm.results.length !== count) throw new Error('memory run lost results')
report(
  'evaluate-memory-10k',
  (after - before) / 1024,
  'KB',
  `heap per ${count.toLocaleString('en-US')} results of an in-process program, devset excluded`,
)
