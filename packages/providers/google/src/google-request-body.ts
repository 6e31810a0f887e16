import type { GenerateRequest } from '@dspex/provider'
import { convertJSONSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js'
import { convertToGoogleContents } from './convert-to-google-contents.js'

/** Options only Gemini understands, passed as `providerOptions.google`. */
export interface GoogleProviderOptions {
  /** Thinking: a token budget (`0` turns it off on models that allow it), a level, and whether to return thought summaries. */
  readonly thinkingConfig?: {
    readonly thinkingBudget?: number
    readonly thinkingLevel?: 'minimal' | 'low' | 'medium' | 'high'
    readonly includeThoughts?: boolean
  }
  /** Safety settings, sent as they are (`[{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_NONE' }]`). */
  readonly safetySettings?: readonly { readonly category: string; readonly threshold: string }[]
  /** A cached content name (`cachedContents/abc`). */
  readonly cachedContent?: string
  /** Whether to send a JSON schema response format as `responseSchema`. Default true; false sends only the JSON MIME type. */
  readonly structuredOutputs?: boolean
}

/** What {@link buildGoogleRequestBody} returns. */
export interface GoogleRequest {
  /** The `generateContent` request body. */
  readonly body: Record<string, unknown>
  /** Options that were not sent. */
  readonly warnings: readonly string[]
}

function toolConfigOf(request: GenerateRequest): Record<string, unknown> | undefined {
  const choice = request.toolChoice
  if (choice === undefined) return undefined
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } }
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } }
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } }
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } }
}

/**
 * Builds the `generateContent` body for a request: `systemInstruction` and `contents`, the
 * `generationConfig` (temperature, topP, maxOutputTokens, stopSequences, candidateCount, seed,
 * JSON MIME type and `responseSchema`, `thinkingConfig`), and the tools as `functionDeclarations`
 * with a `toolConfig`. Options Gemini lacks (`parallelToolCalls`) are listed as warnings.
 *
 * @param request - The provider-neutral request.
 * @throws {Error} When a JSON schema holds a recursive or unresolvable `$ref`.
 */
export function buildGoogleRequestBody(request: GenerateRequest): GoogleRequest {
  const options = (request.providerOptions?.google ?? {}) as GoogleProviderOptions
  const warnings: string[] = []
  const { systemInstruction, contents } = convertToGoogleContents(request.messages)

  const generationConfig: Record<string, unknown> = {}
  if (request.temperature !== undefined) generationConfig.temperature = request.temperature
  if (request.topP !== undefined) generationConfig.topP = request.topP
  if (request.maxTokens !== undefined) generationConfig.maxOutputTokens = request.maxTokens
  if (request.stop !== undefined && request.stop.length > 0) generationConfig.stopSequences = [...request.stop]
  if (request.n !== undefined && request.n !== 1) generationConfig.candidateCount = request.n
  if (request.seed !== undefined) generationConfig.seed = request.seed
  const format = request.responseFormat
  if (format?.type === 'json' || format?.type === 'json_schema') {
    generationConfig.responseMimeType = 'application/json'
    if (format.type === 'json_schema' && options.structuredOutputs !== false) {
      const schema = convertJSONSchemaToGoogleSchema(format.schema)
      if (schema !== undefined) generationConfig.responseSchema = schema
    }
  }
  const thinkingConfig: Record<string, unknown> = { ...options.thinkingConfig }
  if (request.reasoningEffort !== undefined) {
    warnings.push('google: reasoningEffort was not sent; set providerOptions.google.thinkingConfig instead.')
  }
  if (Object.keys(thinkingConfig).length > 0) generationConfig.thinkingConfig = thinkingConfig

  if (request.parallelToolCalls !== undefined) warnings.push('google: parallelToolCalls is not supported and was not sent.')
  const tools = request.tools ?? []
  const sendTools = tools.length > 0
  return {
    body: {
      ...(systemInstruction === undefined ? {} : { systemInstruction }),
      contents,
      ...(Object.keys(generationConfig).length === 0 ? {} : { generationConfig }),
      ...(sendTools
        ? {
            tools: [
              {
                functionDeclarations: tools.map((tool) => {
                  const parameters = convertJSONSchemaToGoogleSchema(tool.parameters)
                  return {
                    name: tool.name,
                    description: tool.description,
                    ...(parameters === undefined ? {} : { parameters }),
                  }
                }),
              },
            ],
          }
        : {}),
      ...(sendTools && request.toolChoice !== undefined ? { toolConfig: toolConfigOf(request) } : {}),
      ...(options.safetySettings === undefined ? {} : { safetySettings: options.safetySettings }),
      ...(options.cachedContent === undefined ? {} : { cachedContent: options.cachedContent }),
    },
    warnings,
  }
}
