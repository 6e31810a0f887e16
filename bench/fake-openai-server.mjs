// @ts-check
// Child process for the HTTP benches: starts @dspex/testing's fake OpenAI server, sends its URL to the
// parent (IPC), and stops when the parent disconnects, so the server's CPU is not the client's.
// Arguments: `--latency-ms N` waits N ms before each answer; `--chat-answers` answers in ChatAdapter
// format with the sum asked by a `What is A plus B?` question (so exact match scores); otherwise 'Paris'.
import { startFakeOpenAIServer } from '@dspex/testing'

const args = process.argv.slice(2)
const latencyIndex = args.indexOf('--latency-ms')
const latencyMs = latencyIndex === -1 ? 0 : Number(args[latencyIndex + 1])
const chatAnswers = args.includes('--chat-answers')
const questionPattern = /What is (\d+) plus (\d+)\?/

/** The ChatAdapter reply to the last question in the request: the sum it asks for. */
function chatAnswer(/** @type {string} */ body) {
  const match = questionPattern.exec(body.slice(body.lastIndexOf('[[ ## question ## ]]')))
  const answer = match === null ? 'unknown' : String(Number(match[1]) + Number(match[2]))
  return `[[ ## answer ## ]]\n${answer}\n\n[[ ## completed ## ]]`
}

const server = await startFakeOpenAIServer({
  reply: chatAnswers ? (request) => chatAnswer(request.body) : () => 'Paris',
  ...(latencyMs > 0 ? { faults: () => ({ latencyMs }) } : {}),
})
process.send?.({ url: server.url })
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0))
})
