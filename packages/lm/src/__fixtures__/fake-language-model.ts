import type { GenerateChoice, GenerateRequest, GenerateResult, LanguageModel, StreamPart } from '@dspex/provider'

/** Options of {@link createFakeLanguageModel}. */
export interface FakeLanguageModelOptions {
  readonly provider?: string
  readonly modelId?: string
  /** The text of each completion; default `answer <call number>.<choice number>`. */
  readonly respond?: (request: GenerateRequest, call: number, choice: number) => string
  /** At most this many choices per call (a provider that cannot do `n`). Default: as many as asked. */
  readonly maxChoices?: number
  /** The finish reason of every choice. Default `stop`. */
  readonly finishReason?: GenerateChoice['finishReason']
  /** Milliseconds each call waits before answering. */
  readonly delayMs?: number
  /** Held the way a real provider holds its key, to prove the LM never copies it anywhere. */
  readonly apiKey?: string
  readonly warnings?: readonly string[]
}

/** A scripted in-memory language model that records the requests it gets. */
export interface FakeLanguageModel extends LanguageModel {
  readonly requests: GenerateRequest[]
  /** The most provider calls that ran at the same time. */
  readonly maxActive: number
  readonly apiKey: string | undefined
}

/** A language model that answers from a script, for tests. */
export function createFakeLanguageModel(options: FakeLanguageModelOptions = {}): FakeLanguageModel {
  const requests: GenerateRequest[] = []
  let active = 0
  let maxActive = 0
  const respond = options.respond ?? ((_request, call, choice) => `answer ${call}.${choice}`)
  const model: FakeLanguageModel = {
    specificationVersion: 'v1',
    provider: options.provider ?? 'fake',
    modelId: options.modelId ?? 'fake-model',
    capabilities: { structuredOutputs: false, jsonMode: false, toolCalling: true, reasoning: false, images: true },
    requests,
    get maxActive() {
      return maxActive
    },
    apiKey: options.apiKey,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      requests.push(request)
      const call = requests.length
      active += 1
      maxActive = Math.max(maxActive, active)
      try {
        if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs))
        request.signal?.throwIfAborted()
        const count = Math.min(request.n ?? 1, options.maxChoices ?? Number.POSITIVE_INFINITY)
        const choices = Array.from({ length: count }, (_, index) => ({
          text: respond(request, call, index + 1),
          finishReason: options.finishReason ?? 'stop',
        }))
        return {
          choices,
          usage: { promptTokens: 10, completionTokens: 5 * count, totalTokens: 10 + 5 * count },
          responseModel: `${options.modelId ?? 'fake-model'}-2025`,
          raw: { id: `response-${call}` },
          ...(options.warnings === undefined ? {} : { warnings: options.warnings }),
        }
      } finally {
        active -= 1
      }
    },
    async *stream(): AsyncIterable<StreamPart> {
      yield { type: 'finish', finishReason: 'stop' }
    },
  }
  return model
}
