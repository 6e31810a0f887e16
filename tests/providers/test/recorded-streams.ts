// Every recorded stream of every provider, as the bytes its API sends and the provider model that reads them.
import { readdirSync, readFileSync } from 'node:fs'
import { createAnthropic } from '@dspex/anthropic'
import { createGoogle } from '@dspex/google'
import { createOllama } from '@dspex/ollama'
import { createOpenAI } from '@dspex/openai'
import { createOpenAICompatible } from '@dspex/openai-compatible'
import type { LanguageModel } from '@dspex/provider'
import { readRecordedPayloads, toServerSentEvents } from '@dspex/testing'

/** One recorded stream: its wire events and a model pointed at a server replaying them. */
export interface RecordedStream {
  /** The fixture's file name without `.chunks.txt` / `.ndjson`. */
  readonly name: string
  readonly contentType: string
  /** What the API writes, one string per event (an SSE event, an NDJSON line). */
  readonly events: readonly string[]
  /** The provider's model for the server at `baseURL`, without retries. */
  model(baseURL: string): LanguageModel
}

const recordedFolder = new URL('../../../fixtures/providers/', import.meta.url)
const ollamaFolder = new URL('../../../packages/providers/ollama/src/__fixtures__/', import.meta.url)
const settings = (baseURL: string) => ({ apiKey: 'test-key', baseURL, maxRetries: 0 })
const eventStream = 'text/event-stream'

function recordedStream(fileName: string): RecordedStream {
  const name = fileName.replace(/\.chunks\.txt$/, '')
  const payloads = readRecordedPayloads(readFileSync(new URL(fileName, recordedFolder), 'utf8'))
  const server = name.split('-')[0] ?? ''
  if (server === 'anthropic') {
    const eventName = (payload: string) => (JSON.parse(payload) as { type: string }).type
    return {
      name,
      contentType: eventStream,
      events: toServerSentEvents(payloads, { eventName }),
      model: (baseURL) => createAnthropic(settings(baseURL))('claude-sonnet-4-5'),
    }
  }
  if (server === 'google') {
    return {
      name,
      contentType: eventStream,
      events: toServerSentEvents(payloads, { lineEnding: '\r\n' }),
      model: (baseURL) => createGoogle(settings(baseURL))('gemini-3-pro-preview'),
    }
  }
  const events = toServerSentEvents(payloads, { done: true })
  if (server === 'openai') return { name, contentType: eventStream, events, model: (baseURL) => createOpenAI(settings(baseURL))('gpt-4.1-nano') }
  return {
    name,
    contentType: eventStream,
    events,
    model: (baseURL) => createOpenAICompatible({ name: server, ...settings(baseURL) })('test-model'),
  }
}

function ollamaStream(fileName: string): RecordedStream {
  return {
    name: fileName.replace(/\.ndjson$/, ''),
    contentType: 'application/x-ndjson',
    events: readRecordedPayloads(readFileSync(new URL(fileName, ollamaFolder), 'utf8')).map((line) => `${line}\n`),
    model: (baseURL) => createOllama({ baseURL, maxRetries: 0 })('llama3.2'),
  }
}

/** The recorded `*.chunks.txt` streams of `fixtures/providers/`, and the Ollama package's NDJSON streams. */
export const recordedStreams: readonly RecordedStream[] = [
  ...readdirSync(recordedFolder)
    .filter((fileName) => fileName.endsWith('.chunks.txt'))
    .sort()
    .map(recordedStream),
  ...readdirSync(ollamaFolder)
    .filter((fileName) => fileName.endsWith('.ndjson'))
    .sort()
    .map(ollamaStream),
]
