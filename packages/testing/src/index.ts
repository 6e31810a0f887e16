export { createTestServer, type RecordedRequest, respondWith, type TestHandler, type TestServer } from '@dspex/provider/test-server'
export { createDemoSensitiveLM, type DemoSensitiveOptions, demoSensitiveAnswer, demoSensitiveReply } from './demo-sensitive-lm.js'
export { anthropicProtocol, startFakeAnthropicServer } from './fake-anthropic-server.js'
export { geminiProtocol, startFakeGeminiServer } from './fake-gemini-server.js'
export { ollamaProtocol, startFakeOllamaServer } from './fake-ollama-server.js'
export { openaiProtocol, startFakeOpenAIServer } from './fake-openai-server.js'
export { answerFromExamples } from './follow-examples.js'
export { formatScriptedAnswer, type ScriptedAnswerFormat } from './format-scripted-answer.js'
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
  type FakeProtocol,
  type FakeProviderServer,
  type FakeReply,
  type FakeRequest,
  type FakeToolCall,
  type StartFakeServerOptions,
  startFakeServer,
} from './start-fake-server.js'
