// @ts-check
// predict-overhead: the CPU cost of one Predict call with the ChatAdapter and 3 demos on a scripted,
// in-process model (no network): input checks, prompt formatting, the LM client (history, usage),
// parsing and the Prediction. Also format and parse alone. DSPy 3.3.1 measured on this kind of machine:
// ~460 us per Predict call; ChatAdapter format+parse 81 us (`question -> answer`) and 351 us (RAG, 2 demos).
import { ChatAdapter } from '@dspex/formats'
import { LM } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { Signature } from '@dspex/signatures'
import { ScriptedLM } from '@dspex/testing'
import { microsecondsPerCall, report } from './measure.mjs'

const signature = Signature.parse('context: list[str], question: str -> answer: str, confidence: float')
const demos = [1, 2, 3].map((index) => ({
  context: [`passage ${index} one`, `passage ${index} two`],
  question: `question ${index}?`,
  answer: `answer ${index}`,
  confidence: 0.5,
}))
const inputs = { context: ['Paris is the capital of France.', 'It lies on the Seine.'], question: 'What is the capital of France?' }
const reply = '[[ ## answer ## ]]\nParis\n\n[[ ## confidence ## ]]\n0.9\n\n[[ ## completed ## ]]'

const lm = new LM(new ScriptedLM(() => reply), { cache: false, maxHistorySize: 100 })
const predict = new Predict(signature, { lm })
predict.demos = demos
const adapter = new ChatAdapter()
const qa = Signature.parse('question -> answer')

// An async call cannot be timed in a synchronous batch: measure a sequential loop instead, the median of
// eleven rounds (a shared machine's neighbours make single rounds noisy).
async function predictMicroseconds(calls) {
  const started = process.hrtime.bigint()
  for (let index = 0; index < calls; index += 1) await predict.call(inputs)
  return Number(process.hrtime.bigint() - started) / 1000 / calls
}

for (let index = 0; index < 3; index += 1) await predictMicroseconds(4000)
const runs = []
for (let round = 0; round < 11; round += 1) runs.push(await predictMicroseconds(4000))
runs.sort((a, b) => a - b)
const perCall = runs[5] ?? Number.NaN

const alone = await microsecondsPerCall({
  ragFormatParse: () => adapter.parse(signature, reply) && adapter.format(signature, demos, inputs),
  qaFormatParse: () => adapter.parse(qa, '[[ ## answer ## ]]\nParis') && adapter.format(qa, [], { question: 'q?' }),
})
report('predict-overhead', perCall, 'us', `DSPy 3.3.1: ~460 us, ${(460 / perCall).toFixed(0)}x faster; goal < 20 us`)
report(
  'chat-format-parse',
  alone.ragFormatParse ?? Number.NaN,
  'us',
  `RAG signature, 3 demos; DSPy: 351 us with 2 demos; question -> answer: ${(alone.qaFormatParse ?? Number.NaN).toFixed(2)} us (DSPy: 81 us)`,
)
