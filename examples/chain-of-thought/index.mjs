// The DSPex demo, offline: a ChainOfThought program answers questions on a scripted LM (no API key),
// then prints the prompt it sent, exactly as DSPy 3.3.1 would have sent it.
import { inspectHistory, LM } from '@dspex/lm'
import { ChainOfThought } from '@dspex/predict'
import { configure } from '@dspex/primitives'
import { ScriptedLM } from '@dspex/testing'

// A stand-in for a real model. With an API key, use new LM('openai/gpt-4o-mini') instead.
const model = new ScriptedLM({
  'capital of France': { reasoning: 'France is a country in Europe; its capital city is Paris.', answer: 'Paris' },
  'largest planet': { reasoning: 'Among the planets of the solar system, Jupiter has the largest mass and radius.', answer: 'Jupiter' },
})
configure({ lm: new LM(model, { cache: false }) })

const qa = new ChainOfThought('question -> answer')
qa.predict.demos = [{ question: 'What is 2 + 2?', reasoning: 'Adding two and two gives four.', answer: '4' }]

for (const question of ['What is the capital of France?', 'Which is the largest planet?']) {
  const { reasoning, answer } = await qa.call({ question })
  console.log(`Q: ${question}\n   reasoning: ${reasoning}\n   answer: ${answer}\n`)
}

console.log('The last prompt and reply (inspectHistory):')
console.log(inspectHistory(1))
