import type { GenerateRequest } from '@dspex/provider'
import { convertToOllamaMessages, type OllamaChatMessage } from './convert-to-ollama-messages.js'

/** A tool as Ollama declares it. */
export interface OllamaTool {
  readonly type: 'function'
  readonly function: {
    readonly name: string
    readonly description: string
    readonly parameters: Readonly<Record<string, unknown>>
  }
}

/** The body of `POST /api/chat`. */
export interface OllamaChatRequestBody {
  readonly model: string
  readonly messages: readonly OllamaChatMessage[]
  readonly stream: boolean
  readonly tools?: readonly OllamaTool[]
  readonly format?: 'json' | Readonly<Record<string, unknown>>
  readonly options?: Readonly<Record<string, unknown>>
  readonly think?: boolean | 'low' | 'medium' | 'high'
  readonly keep_alive?: string | number
}

/** Options read from `providerOptions.ollama`. */
export interface OllamaProviderOptions {
  /** Turns thinking on or off, or sets its level (`low`, `medium`, `high`) for models that support it. */
  readonly think?: boolean | 'low' | 'medium' | 'high'
  /** How long the model stays loaded after the call (`'5m'`, seconds, `0` to unload). */
  readonly keep_alive?: string | number
  /** More model options (`num_ctx`, `top_k`, `repeat_penalty`...), merged into `options`. */
  readonly options?: Readonly<Record<string, unknown>>
}

function readProviderOptions(request: GenerateRequest): OllamaProviderOptions {
  const raw = request.providerOptions?.ollama ?? {}
  const think = raw.think
  const keepAlive = raw.keep_alive
  const options = raw.options
  return {
    ...(typeof think === 'boolean' || think === 'low' || think === 'medium' || think === 'high' ? { think } : {}),
    ...(typeof keepAlive === 'string' || typeof keepAlive === 'number' ? { keep_alive: keepAlive } : {}),
    ...(typeof options === 'object' && options !== null && !Array.isArray(options) ? { options: options as Record<string, unknown> } : {}),
  }
}

/**
 * Builds the `/api/chat` body: messages, tools, `format` (`'json'` or the JSON schema of `responseFormat`),
 * `options` (temperature, top_p, num_predict, stop, seed) and `think`. Settings Ollama cannot honour
 * (tool choice, several completions, parallel tool calls) are reported as warnings.
 */
export function buildOllamaChatRequestBody(
  modelId: string,
  request: GenerateRequest,
  stream: boolean,
): { body: OllamaChatRequestBody; warnings: string[] } {
  const { messages, warnings } = convertToOllamaMessages(request.messages)
  const providerOptions = readProviderOptions(request)
  const options: Record<string, unknown> = {
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.maxTokens === undefined ? {} : { num_predict: request.maxTokens }),
    ...(request.stop === undefined || request.stop.length === 0 ? {} : { stop: [...request.stop] }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...providerOptions.options,
  }
  const format = request.responseFormat
  const tools = request.tools ?? []
  if (request.toolChoice !== undefined && request.toolChoice !== 'auto') {
    warnings.push('ollama does not support toolChoice; the model chooses whether to call tools.')
  }
  if (request.n !== undefined && request.n > 1) warnings.push('ollama returns one completion per call; n is ignored.')
  if (request.reasoningEffort !== undefined && providerOptions.think === undefined) {
    warnings.push('ollama takes reasoning settings from providerOptions.ollama.think; reasoningEffort is ignored.')
  }
  const body: OllamaChatRequestBody = {
    model: modelId,
    messages,
    stream,
    ...(tools.length > 0 && request.toolChoice !== 'none'
      ? {
          tools: tools.map((tool) => ({
            type: 'function' as const,
            function: { name: tool.name, description: tool.description, parameters: tool.parameters },
          })),
        }
      : {}),
    ...(format?.type === 'json' ? { format: 'json' as const } : {}),
    ...(format?.type === 'json_schema' ? { format: format.schema } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
    ...(providerOptions.think === undefined ? {} : { think: providerOptions.think }),
    ...(providerOptions.keep_alive === undefined ? {} : { keep_alive: providerOptions.keep_alive }),
  }
  return { body, warnings }
}
