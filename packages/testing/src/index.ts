export { anthropicProtocol, startFakeAnthropicServer } from './fake-anthropic-server.js'
export { geminiProtocol, startFakeGeminiServer } from './fake-gemini-server.js'
export { ollamaProtocol, startFakeOllamaServer } from './fake-ollama-server.js'
export { openAIProtocol, startFakeOpenAIServer } from './fake-openai-server.js'
export { answerFromExamples } from './follow-examples.js'
export { createDemoSensitiveLM, demoSensitiveAnswer, demoSensitiveReply, type DemoSensitiveOptions } from './demo-sensitive-lm.js'
export { formatScriptedAnswer, type ScriptedAnswerFormat } from './format-scripted-answer.js'
export {
  readRecordedPayloads,
  type ReplayServerSentEventsOptions,
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
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
  type FakeRequest,
  type FakeToolCall,
  type StartFakeServerOptions,
  startFakeServer,
} from './start-fake-server.js'
export { createTestServer, respondWith, type RecordedRequest, type TestHandler, type TestServer } from '@dspex/provider/test-server'
