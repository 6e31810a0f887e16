// @ts-check
// Child process for the HTTP benches: starts @dspex/testing's fake OpenAI server, sends its URL to the
// parent (IPC), and stops when the parent disconnects, so the server's CPU is not the client's.
// Arguments: `--latency-ms N` waits N ms before each answer; `--chat-answers` answers in ChatAdapter
// format with the sum asked by a `What is A plus B?` question (so exact match scores); `--demo-sensitive`
// answers `[tag] question N?` with `answer-N` only when the prompt holds a demo with the same tag (so the
// score depends on the demos an optimizer chose); otherwise 'Paris'.
import { demoSensitiveReply, startFakeOpenAIServer } from '@dspex/testing'

const args = process.argv.slice(2)
const latencyIndex = args.indexOf('--latency-ms')
const latencyMs = latencyIndex === -1 ? 0 : Number(args[latencyIndex + 1])
const chatAnswers = args.includes('--chat-answers')
const demoSensitive = args.includes('--demo-sensitive')
const questionPattern = /What is (\d+) plus (\d+)\?/

/** The ChatAdapter reply to the last question in the request: the sum it asks for. */
function chatAnswer(/** @type {string} */ body) {
  const match = questionPattern.exec(body.slice(body.lastIndexOf('[[ ## question ## ]]')))
  const answer = match === null ? 'unknown' : String(Number(match[1]) + Number(match[2]))
  return `[[ ## answer ## ]]\n${answer}\n\n[[ ## completed ## ]]`
}

/** The demo-sensitive ChatAdapter reply to an OpenAI chat request. */
function demoSensitiveAnswer(/** @type {unknown} */ json) {
  const messages = /** @type {{ messages?: Parameters<typeof demoSensitiveReply>[0] }} */ (json)?.messages ?? []
  return demoSensitiveReply(messages, { answers: (question) => question.replace(/^.*question (\d+)\?$/, 'answer-$1') })
}

const server = await startFakeOpenAIServer({
  reply: demoSensitive ? (request) => demoSensitiveAnswer(request.json) : chatAnswers ? (request) => chatAnswer(request.body) : () => 'Paris',
  ...(latencyMs > 0 ? { faults: () => ({ latencyMs }) } : {}),
})
process.send?.({ url: server.url })
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0))
})
