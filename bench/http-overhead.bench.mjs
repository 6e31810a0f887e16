// @ts-check
// http-overhead: the client-side CPU of one `lm.call` over real HTTP to the fake OpenAI server, which runs
// in its own process: LM client, provider request body, fetch with keep-alive, JSON parsing and checks.
// Measured with process.cpuUsage (user + system) after warm-up, sequential and 16 at a time.
// DSPy 3.3.1 spends about 2,400 us of CPU per evaluated example through LiteLLM.
import { fork } from 'node:child_process'
import { LM } from '@dspex/lm'
import { createOpenAI } from '@dspex/openai'
import { report } from './measure.mjs'

const child = fork(new URL('./fake-openai-server.mjs', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
/** @type {string} */
const baseURL = await new Promise((resolve, reject) => {
  child.once('message', (message) => resolve(/** @type {{ url: string }} */ (message).url))
  child.once('error', reject)
  child.once('exit', (code) => reject(new Error(`fake OpenAI server exited with code ${code}`)))
})

try {
  const lm = new LM(createOpenAI({ baseURL, apiKey: 'test' })('gpt-4o-mini'), { cache: false, maxHistorySize: 100 })
  const messages = [{ role: /** @type {const} */ ('user'), content: 'What is the capital of France?' }]
  const call = () => lm.call({ messages })

  /** CPU microseconds per call for `calls` calls, `concurrency` at a time. */
  async function cpuPerCall(calls, concurrency) {
    const started = process.cpuUsage()
    let next = 0
    const worker = async () => {
      while (next < calls) {
        next += 1
        await call()
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    const used = process.cpuUsage(started)
    return (used.user + used.system) / calls
  }

  await cpuPerCall(1500, 16)
  const sequential = []
  const concurrent = []
  for (let round = 0; round < 5; round += 1) {
    sequential.push(await cpuPerCall(500, 1))
    concurrent.push(await cpuPerCall(1000, 16))
  }
  const median = (/** @type {number[]} */ values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
  const perCall = median(sequential)
  report(
    'http-overhead',
    perCall,
    'us',
    `cpu per call through @dspex/lm and @dspex/openai; DSPy ~2,400 us per evaluated example through LiteLLM; 16 concurrent: ${median(concurrent).toFixed(0)} us`,
  )
} finally {
  child.disconnect()
}
