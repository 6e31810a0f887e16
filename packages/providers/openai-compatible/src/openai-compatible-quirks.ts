/**
 * How one OpenAI-compatible server departs from OpenAI's Chat Completions API. Every field is optional;
 * {@link resolveOpenAICompatibleQuirks} fills in the defaults, which suit most servers.
 *
 * @example
 * ```ts
 * // DeepSeek: no json_schema, reasoning in `reasoning_content`, usage in the last chunk.
 * const quirks: OpenAICompatibleQuirks = { structuredOutputs: false, reasoningField: 'reasoning_content' }
 * ```
 */
export interface OpenAICompatibleQuirks {
  /**
   * The body field that carries `maxTokens`: `max_tokens` (default; vLLM, llama.cpp, Groq, DeepSeek, Mistral)
   * or `max_completion_tokens` (OpenAI's reasoning models, which reject `max_tokens`).
   */
  readonly maxTokensParameter?: 'max_tokens' | 'max_completion_tokens'
  /**
   * Whether the server enforces `response_format: { type: 'json_schema' }` (OpenAI, vLLM, llama.cpp, LM Studio,
   * Mistral, xAI, Groq's newer models). Default `false`: a `json_schema` request is sent as `json_object` with a
   * warning, the schema unenforced (DeepSeek and most older servers).
   */
  readonly structuredOutputs?: boolean
  /**
   * Whether the server takes `response_format: { type: 'json_object' }` (JSON mode). Default `true`; LM Studio
   * accepts only `json_schema`, so a JSON-mode request is dropped there with a warning.
   */
  readonly jsonMode?: boolean
  /**
   * Whether a stream asks for usage with `stream_options: { include_usage: true }`. Default `true`; turn it off
   * for servers that reject the field (they may still report usage in the last chunk, which is read).
   */
  readonly streamUsage?: boolean
  /**
   * The message field that holds the model's reasoning: `reasoning_content` (DeepSeek, xAI, older vLLM) or
   * `reasoning` (Groq's parsed format, OpenRouter, newer vLLM). By default either is read, `reasoning_content` first.
   */
  readonly reasoningField?: 'reasoning_content' | 'reasoning'
  /** Whether the server takes `tools` and `tool_choice`. Default `true`; when `false` they are dropped with a warning. */
  readonly tools?: boolean
  /** Whether the server takes `parallel_tool_calls`. Default `true`; when `false` the option is dropped with a warning. */
  readonly parallelToolCalls?: boolean
  /** Whether the server takes `reasoning_effort`. Default `true`; when `false` the option is dropped with a warning. */
  readonly reasoningEffort?: boolean
  /** Whether the server returns several choices for `n` > 1. Default `true`; when `false`, `n` is dropped with a warning. */
  readonly multipleChoices?: boolean
  /**
   * Whether the model is a reasoning model that only accepts the default sampling (OpenAI's o-series and gpt-5):
   * `temperature` (unless 1) and `top_p` are then dropped with a warning. Default `false`.
   */
  readonly reasoningModel?: boolean
  /**
   * The tag wrapping reasoning written inline at the start of `content` (`'think'` for `<think>...</think>`), for
   * servers that run no reasoning parser: vLLM without `--reasoning-parser`, llama.cpp, LM Studio, Ollama's `/v1` with
   * DeepSeek-R1 distills or Qwen3. The text inside the tags (and before a closing tag with no opening one) becomes
   * the reasoning, after any reasoning field. Default: none, the content is left as it is.
   */
  readonly reasoningTag?: string
}

/** {@link OpenAICompatibleQuirks} with every default filled in (`reasoningField` and `reasoningTag` stay optional). */
export type ResolvedOpenAICompatibleQuirks = Required<Omit<OpenAICompatibleQuirks, 'reasoningField' | 'reasoningTag'>> &
  Pick<OpenAICompatibleQuirks, 'reasoningField' | 'reasoningTag'>

/**
 * Fills in the defaults of {@link OpenAICompatibleQuirks}: `max_tokens`, no strict structured outputs, JSON mode,
 * stream usage, tools, parallel tool calls, reasoning effort and `n` all accepted, default sampling not required, no
 * reasoning tag.
 */
export function resolveOpenAICompatibleQuirks(quirks: OpenAICompatibleQuirks = {}): ResolvedOpenAICompatibleQuirks {
  return {
    maxTokensParameter: quirks.maxTokensParameter ?? 'max_tokens',
    structuredOutputs: quirks.structuredOutputs ?? false,
    jsonMode: quirks.jsonMode ?? true,
    streamUsage: quirks.streamUsage ?? true,
    tools: quirks.tools ?? true,
    parallelToolCalls: quirks.parallelToolCalls ?? true,
    reasoningEffort: quirks.reasoningEffort ?? true,
    multipleChoices: quirks.multipleChoices ?? true,
    reasoningModel: quirks.reasoningModel ?? false,
    ...(quirks.reasoningField === undefined ? {} : { reasoningField: quirks.reasoningField }),
    ...(quirks.reasoningTag === undefined ? {} : { reasoningTag: quirks.reasoningTag }),
  }
}
