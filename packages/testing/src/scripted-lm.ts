import type { GenerateChoice, GenerateRequest, GenerateResult, LanguageModel, Message, ModelCapabilities, StreamPart } from '@dspex/provider'
import { answerFromExamples } from './follow-examples.js'
import { formatScriptedAnswer, type ScriptedAnswerFormat } from './format-scripted-answer.js'

/** Output field values of one answer, by field name. */
export type ScriptedFields = Readonly<Record<string, unknown>>

/**
 * What a scripted LM answers: a list (one answer per call, in order), a map from text the last
 * message contains to an answer, or a function of the request (return fields or raw text).
 */
export type ScriptedAnswers =
  | readonly ScriptedFields[]
  | Readonly<Record<string, ScriptedFields>>
  | ((request: GenerateRequest, callIndex: number) => ScriptedFields | string | Promise<ScriptedFields | string>)

/** Options of {@link ScriptedLM}. */
export interface ScriptedLMOptions {
  /** Answer with the demo whose input matches the request (DSPy's `follow_examples`). */
  readonly followExamples?: boolean
  /** The reply format to imitate; `chat` (ChatAdapter's sections) by default. */
  readonly format?: ScriptedAnswerFormat
  /** Also return this native reasoning text with every choice (DSPy's `reasoning=True` gives "Some reasoning"). */
  readonly reasoning?: string
  /** The model id reported; `dummy` by default. */
  readonly modelId?: string
  /** Wait this long before answering, to imitate latency. */
  readonly latencyMs?: number
  /** Capabilities to report (structured outputs and tools are off by default, like an unknown model). */
  readonly capabilities?: Partial<ModelCapabilities>
}

const exhausted: ScriptedFields = { answer: 'No more responses' }

/**
 * A language model for tests, like DSPy's `DummyLM`: it answers from a script instead of a real
 * model, formatting the answers as the program's adapter asks, and records every request it gets.
 * It implements the provider spec, so it works anywhere a real model does.
 *
 * @example
 * ```ts
 * const model = new ScriptedLM([{ reasoning: 'Paris is the capital.', answer: 'Paris' }])
 * const lm = new LM(model, { cache: false })
 * ```
 * @see dspy.utils.DummyLM
 */
export class ScriptedLM implements LanguageModel {
  readonly specificationVersion = 'v1' as const
  readonly provider = 'scripted'
  readonly modelId: string
  readonly capabilities: ModelCapabilities
  /** Every request received, in order. */
  readonly requests: GenerateRequest[] = []
  readonly #answers: ScriptedAnswers
  readonly #options: ScriptedLMOptions
  #next = 0

  constructor(answers: ScriptedAnswers, options: ScriptedLMOptions = {}) {
    this.#answers = answers
    this.#options = options
    this.modelId = options.modelId ?? 'dummy'
    this.capabilities = {
      structuredOutputs: false,
      jsonMode: false,
      toolCalling: false,
      reasoning: options.reasoning !== undefined,
      images: true,
      ...options.capabilities,
    }
  }

  /** Answers one request with as many choices as `request.n` asks. */
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.requests.push(request)
    if (this.#options.latencyMs !== undefined) await sleep(this.#options.latencyMs, request.signal)
    request.signal?.throwIfAborted()
    const choices: GenerateChoice[] = []
    for (let index = 0; index < (request.n ?? 1); index += 1) {
      const text = await this.#answer(request)
      choices.push({
        text,
        finishReason: 'stop',
        ...(this.#options.reasoning === undefined ? {} : { reasoning: this.#options.reasoning }),
      })
    }
    return { choices, usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 }, responseModel: this.modelId }
  }

  /** Streams the answer as one text delta, then the finish. */
  async *stream(request: GenerateRequest): AsyncIterable<StreamPart> {
    const result = await this.generate({ ...request, n: 1 })
    const choice = result.choices[0]
    if (choice?.reasoning !== undefined) yield { type: 'reasoning-delta', delta: choice.reasoning }
    yield { type: 'text-delta', delta: choice?.text ?? '' }
    yield { type: 'finish', finishReason: 'stop', ...(result.usage === undefined ? {} : { usage: result.usage }) }
  }

  async #answer(request: GenerateRequest): Promise<string> {
    const format = this.#options.format ?? 'chat'
    if (this.#options.followExamples === true) return answerFromExamples(request.messages) ?? ''
    const answers = this.#answers
    if (typeof answers === 'function') {
      const answer = await answers(request, this.#next++)
      return typeof answer === 'string' ? answer : formatScriptedAnswer(answer, format)
    }
    if (Array.isArray(answers)) {
      const answer = (answers as readonly ScriptedFields[])[this.#next++] ?? exhausted
      return formatScriptedAnswer(answer, format)
    }
    const last = lastMessageText(request.messages)
    const match = Object.entries(answers as Readonly<Record<string, ScriptedFields>>).find(([key]) => last.includes(key))
    return match === undefined ? 'No more responses' : formatScriptedAnswer(match[1], format)
  }
}

function lastMessageText(messages: readonly Message[]): string {
  const content = messages.at(-1)?.content
  if (typeof content === 'string') return content
  if (content === null || content === undefined) return ''
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}
