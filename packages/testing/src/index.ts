export { createTestServer, type RecordedRequest, respondWith, type TestHandler, type TestServer } from '@dspex/provider/test-server'
export { createDemoSensitiveLM, type DemoSensitiveOptions, demoSensitiveAnswer, demoSensitiveReply } from './demo-sensitive-lm.js'
export { startFakeAnthropicServer } from './fake-anthropic-server.js'
export { startFakeGeminiServer } from './fake-gemini-server.js'
export { startFakeOllamaServer } from './fake-ollama-server.js'
export { startFakeOpenAIServer } from './fake-openai-server.js'
export type { ScriptedAnswerFormat } from './format-scripted-answer.js'
export {
  type ReplayServerSentEventsOptions,
  readRecordedPayloads,
  replayServerSentEvents,
  type ServerSentEventsOptions,
  toServerSentEvents,
} from './replay-recorded.js'
export { type ScriptedAnswers, type ScriptedFields, ScriptedLM, type ScriptedLMOptions } from './scripted-lm.js'
export {
  type FakeProtocolName,
  type StartFakeProviderServerOptions,
  startFakeProviderServer,
} from './start-fake-provider-server.js'
export {
  defaultFakeReplyText,
  type FakeFault,
  type FakeFaultChooser,
  type FakeProviderServer,
  type FakeReply,
  type FakeRequest,
  type FakeToolCall,
  type StartFakeServerOptions,
} from './start-fake-server.js'
