// Predict with the JSONAdapter through each provider over HTTP: the structured-output form each
// provider puts on the wire, typed outputs parsed back, and the JSON-mode fallbacks.
import { JSONAdapter } from '@dspex/formats'
import { LM, type LMWarning } from '@dspex/lm'
import { Predict } from '@dspex/predict'
import { context } from '@dspex/primitives'
import { type FakeReply, type FakeRequest, startFakeProviderServer } from '@dspex/testing'
import { describe, expect, it } from 'vitest'
import { type ProviderCase, providerCases } from './provider-cases.js'

const typedSignature = 'question -> answer: str, confidence: float, tags: list[str]'
const answer = { answer: 'Paris', confidence: 0.92, tags: ['geography', 'europe'] }
const inputs = { question: 'What is the capital of France?' }

/** The strict JSON Schema of the outputs, as the JSONAdapter builds it (DSPy's `DSPyProgramOutputs`). */
const outputsSchema = {
  type: 'object',
  title: 'DSPyProgramOutputs',
  additionalProperties: false,
  required: ['answer', 'confidence', 'tags'],
  properties: {
    answer: { type: 'string', title: 'Answer' },
    confidence: { type: 'number', title: 'Confidence' },
    tags: { type: 'array', title: 'Tags', items: { type: 'string' } },
  },
}

const body = (request: FakeRequest | undefined): Record<string, unknown> => request?.json as Record<string, unknown>

/** Each provider's way of asking for the outputs' JSON Schema, and its answer carrying the JSON. */
interface StructuredForm {
  expectStructured(request: Record<string, unknown>): void
  /** Whether a request asks for the schema (the fake server answers differently). */
  isStructured(request: Record<string, unknown>): boolean
  reply(json: object): FakeReply
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined

const structured: Record<string, StructuredForm> = {
  openai: {
    isStructured: (request) => field(request.response_format, 'type') === 'json_schema',
    expectStructured: (request) =>
      expect(request.response_format).toEqual({
        type: 'json_schema',
        json_schema: { name: 'DSPyProgramOutputs', strict: true, schema: outputsSchema },
      }),
    reply: (json) => ({ text: JSON.stringify(json) }),
  },
  anthropic: {
    isStructured: (request) => field(request.tool_choice, 'name') === 'json',
    // @dspex/anthropic's default structuredOutputMode, `jsonTool`: a tool named `json` whose input schema is the outputs', forced.
    expectStructured: (request) => {
      expect(request.tools).toEqual([{ name: 'json', description: 'Respond with a JSON object.', input_schema: outputsSchema }])
      expect(request.tool_choice).toEqual({ type: 'tool', name: 'json' })
    },
    reply: (json) => ({ toolCalls: [{ id: 'toolu_1', name: 'json', arguments: { ...json } }] }),
  },
  google: {
    isStructured: (request) => field(request.generationConfig, 'responseSchema') !== undefined,
    expectStructured: (request) =>
      expect(request.generationConfig).toMatchObject({
        responseMimeType: 'application/json',
        responseSchema: {
          type: expect.stringMatching(/^object$/i),
          required: ['answer', 'confidence', 'tags'],
          properties: {
            answer: { type: expect.stringMatching(/^string$/i) },
            confidence: { type: expect.stringMatching(/^number$/i) },
            tags: { type: expect.stringMatching(/^array$/i), items: { type: expect.stringMatching(/^string$/i) } },
          },
        },
      }),
    reply: (json) => ({ text: JSON.stringify(json) }),
  },
  ollama: {
    isStructured: (request) => typeof request.format === 'object',
    expectStructured: (request) => expect(request.format).toEqual(outputsSchema),
    reply: (json) => ({ text: JSON.stringify(json) }),
  },
}

/** Each provider's plain JSON mode (no schema), as sent on the fallback attempt. */
const jsonMode: Record<string, (request: Record<string, unknown>) => void> = {
  openai: (request) => expect(request.response_format).toEqual({ type: 'json_object' }),
  // Anthropic has no schema-less JSON mode: nothing is sent and the LM hears a provider warning.
  anthropic: (request) => {
    expect(request).not.toHaveProperty('tools')
    expect(request).not.toHaveProperty('tool_choice')
    expect(request).not.toHaveProperty('output_config')
  },
  google: (request) => {
    expect(request.generationConfig).toMatchObject({ responseMimeType: 'application/json' })
    expect(request.generationConfig).not.toHaveProperty('responseSchema')
  },
  ollama: (request) => expect(request.format).toBe('json'),
}

const expectsFor = (provider: ProviderCase) => {
  const expected = structured[provider.name]
  const json = jsonMode[provider.name]
  if (expected === undefined || json === undefined) throw new Error(`No wire expectations for ${provider.name}`)
  return { ...expected, jsonMode: json }
}

describe.concurrent.each(providerCases)('Predict with the JSONAdapter through $name', (provider) => {
  const { protocol, model } = provider
  const { expectStructured, isStructured, reply, jsonMode: expectJSONMode } = expectsFor(provider)

  it('sends the outputs as a structured-output schema and parses the typed outputs', async () => {
    const server = await startFakeProviderServer({ protocol, reply: () => reply(answer) })
    try {
      const lm = new LM(model(server.url), { cache: false })
      const predict = new Predict(typedSignature, { lm })
      const prediction = await context({ adapter: new JSONAdapter() }, () => predict.call(inputs))
      expect(prediction.answer).toBe('Paris')
      expect(prediction.confidence).toBe(0.92)
      expect(typeof prediction.confidence).toBe('number')
      expect(prediction.tags).toEqual(['geography', 'europe'])
      expect(server.requests).toHaveLength(1)
      expectStructured(body(server.requests[0]))
      expect(server.requests[0]?.body).toContain('What is the capital of France?')
    } finally {
      await server.close()
    }
  })

  it('parses numbers sent as text and a list, repairing the JSON the model wrote', async () => {
    const text = "{'answer': 'Paris', 'confidence': '0.5', 'tags': ['a',],}"
    const server = await startFakeProviderServer({
      protocol,
      // Anthropic answers through the forced json tool, whose input is always an object; the others send text.
      reply: () => (provider.name === 'anthropic' ? reply({ answer: 'Paris', confidence: '0.5', tags: ['a'] }) : text),
    })
    try {
      const lm = new LM(model(server.url), { cache: false })
      const prediction = await context({ adapter: new JSONAdapter() }, () => new Predict(typedSignature, { lm }).call(inputs))
      expect(prediction.toDict()).toEqual({ answer: 'Paris', confidence: 0.5, tags: ['a'] })
    } finally {
      await server.close()
    }
  })

  it('retries once in JSON mode when the structured answer does not parse', async () => {
    const server = await startFakeProviderServer({
      protocol,
      reply: (request) => (isStructured(body(request)) ? reply({ answer: 'Paris' }) : JSON.stringify(answer)),
    })
    try {
      const warnings: LMWarning[] = []
      const lm = new LM(model(server.url), { cache: false, onWarning: (warning) => warnings.push(warning) })
      const prediction = await context({ adapter: new JSONAdapter() }, () => new Predict(typedSignature, { lm }).call(inputs))
      expect(prediction.toDict()).toEqual(answer)
      expect(server.requests).toHaveLength(2)
      expectStructured(body(server.requests[0]))
      expectJSONMode(body(server.requests[1]))
      const providerWarnings = warnings.filter((warning) => warning.code === 'provider-warning').map((warning) => warning.message)
      if (provider.name === 'anthropic') expect(providerWarnings).toEqual([expect.stringContaining('JSON mode without a schema')])
      else expect(providerWarnings).toEqual([])
    } finally {
      await server.close()
    }
  })
})

describe('JSON mode chosen from the model’s capabilities', () => {
  it('asks an OpenAI model without structured outputs for json_object, and parses the typed outputs', async () => {
    const server = await startFakeProviderServer({ protocol: 'openai', reply: () => JSON.stringify(answer) })
    try {
      const openai = providerCases.find((candidate) => candidate.name === 'openai')
      const languageModel = openai?.connect({ baseURL: server.url, apiKey: 'test-key', modelId: 'gpt-3.5-turbo' })
      expect(languageModel?.capabilities).toMatchObject({ structuredOutputs: false, jsonMode: true })
      const lm = new LM(languageModel ?? 'openai/gpt-3.5-turbo', { cache: false })
      const prediction = await context({ adapter: new JSONAdapter() }, () => new Predict(typedSignature, { lm }).call(inputs))
      expect(prediction.toDict()).toEqual(answer)
      expect(server.requests).toHaveLength(1)
      expect(body(server.requests[0]).response_format).toEqual({ type: 'json_object' })
    } finally {
      await server.close()
    }
  })

  it.each(providerCases)('asks $name for JSON mode when an output is an open-ended dict', async (provider) => {
    const server = await startFakeProviderServer({ protocol: provider.protocol, reply: () => '{"scores": {"paris": 3}}' })
    try {
      const lm = new LM(provider.model(server.url), { cache: false })
      const predict = new Predict('question -> scores: dict[str, int]', { lm })
      const prediction = await context({ adapter: new JSONAdapter() }, () => predict.call(inputs))
      expect(prediction.scores).toEqual({ paris: 3 })
      expect(server.requests).toHaveLength(1)
      expectsFor(provider).jsonMode(body(server.requests[0]))
    } finally {
      await server.close()
    }
  })
})
