/** What DSPex knows about an Anthropic model from its id. */
export interface AnthropicModelInfo {
  /** The `max_tokens` sent when the request does not set `maxTokens`. */
  readonly defaultMaxTokens: number
  /** Whether the model accepts extended thinking. */
  readonly supportsThinking: boolean
}

const thinkingModels = /claude-(3-7-sonnet|sonnet-4|opus-4|haiku-4)/
const smallOutputModels = /claude-3-(opus|haiku|sonnet)-/

/**
 * Looks up the defaults of an Anthropic model: claude-3 models (before 3.5) get 4,096 output
 * tokens by default, later models 8,192; models from claude-3-7-sonnet on support thinking.
 *
 * @param modelId - The Anthropic model id (`claude-sonnet-4-5`).
 */
export function getAnthropicModelInfo(modelId: string): AnthropicModelInfo {
  return {
    defaultMaxTokens: smallOutputModels.test(modelId) ? 4096 : 8192,
    supportsThinking: thinkingModels.test(modelId),
  }
}
