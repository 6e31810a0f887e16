import type { GenerateChoice, GenerateRequest, GenerateResult, ModelCapabilities } from '@dspex/provider'
import type { AdapterModel } from '../adapter-model.js'

/** What a scripted model does for one call: answer with these choices, or throw. */
export type ScriptedReply = string | readonly Partial<GenerateChoice>[] | Error

/** A model that answers each call with the next scripted reply and records the requests. */
export interface ScriptedModel extends AdapterModel {
  readonly requests: GenerateRequest[]
}

/** A model that can do everything: structured outputs, JSON mode, tools, reasoning, images. */
export const allCapabilities: ModelCapabilities = {
  structuredOutputs: true,
  jsonMode: true,
  toolCalling: true,
  reasoning: false,
  images: true,
}

/** A text-only model. */
export const plainCapabilities: ModelCapabilities = {
  structuredOutputs: false,
  jsonMode: false,
  toolCalling: false,
  reasoning: false,
  images: false,
}

/** A test model: `replies[i]` answers the i-th call (a string is one text choice). */
export function scriptedModel(replies: readonly ScriptedReply[], capabilities: ModelCapabilities = plainCapabilities): ScriptedModel {
  const requests: GenerateRequest[] = []
  return {
    capabilities,
    requests,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      requests.push(request)
      const reply = replies[requests.length - 1]
      if (reply === undefined) throw new Error(`no scripted reply for call ${requests.length}`)
      if (reply instanceof Error) throw reply
      const choices = typeof reply === 'string' ? [{ text: reply }] : reply
      return { choices: choices.map((choice) => ({ text: null, finishReason: 'stop', ...choice })) }
    },
  }
}

/** An error marked the way `@dspex/provider` marks API errors. */
export class FakeAPIError extends Error {
  constructor(message: string) {
    super(message)
    Object.defineProperty(this, Symbol.for('dspex.provider.error'), { value: true })
  }
}
