// @ts-check
// Child process for http-overhead.bench.mjs: starts @dspex/testing's fake OpenAI server, sends its URL
// to the parent (IPC), and stops when the parent disconnects, so the server's CPU is not the client's.
import { startFakeOpenAIServer } from '@dspex/testing'

const server = await startFakeOpenAIServer({ reply: () => 'Paris' })
process.send?.({ url: server.url })
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0))
})
