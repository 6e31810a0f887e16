import type { ContentPart, Message, ReasoningPart } from '@dspex/provider'

/** Anthropic's prompt-caching marker. */
export interface AnthropicCacheControl {
  readonly type: 'ephemeral'
  readonly ttl?: '5m' | '1h'
}

/** A content block of an Anthropic request message. */
export type AnthropicContentBlock = Record<string, unknown> & { readonly type: string }

/** One turn of an Anthropic request: roles alternate, each with a list of blocks. */
export interface AnthropicTurn {
  readonly role: 'user' | 'assistant'
  readonly content: AnthropicContentBlock[]
}

/** What {@link convertToAnthropicMessages} returns. */
export interface AnthropicPrompt {
  /** The system prompt as text blocks, or undefined when there is none. */
  readonly system?: AnthropicContentBlock[]
  /** The alternating user and assistant turns. */
  readonly messages: AnthropicTurn[]
  /** Parts that Anthropic cannot take and were left out. */
  readonly warnings: string[]
}

const dataUriPattern = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s

function parseDataUri(value: string): { mediaType?: string; data: string } | undefined {
  const match = dataUriPattern.exec(value)
  if (match === null) return undefined
  return { data: match[2] ?? '', ...(match[1] === undefined ? {} : { mediaType: match[1] }) }
}

function convertPart(part: ContentPart, warnings: string[]): AnthropicContentBlock | undefined {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text }
    case 'image': {
      const inline = parseDataUri(part.url)
      if (inline === undefined) return { type: 'image', source: { type: 'url', url: part.url } }
      const mediaType = inline.mediaType ?? part.mediaType ?? 'image/png'
      return { type: 'image', source: { type: 'base64', media_type: mediaType, data: inline.data } }
    }
    case 'document': {
      const inline = parseDataUri(part.data)
      const source = /^https?:\/\//.test(part.data)
        ? { type: 'url', url: part.data }
        : part.mediaType === 'text/plain' && inline === undefined
          ? { type: 'text', media_type: 'text/plain', data: part.data }
          : { type: 'base64', media_type: part.mediaType, data: inline?.data ?? part.data }
      return {
        type: 'document',
        source,
        ...(part.title === undefined ? {} : { title: part.title }),
        ...(part.context === undefined ? {} : { context: part.context }),
        ...(part.citations === undefined ? {} : { citations: { enabled: part.citations } }),
      }
    }
    case 'file': {
      const inline = part.data === undefined ? undefined : parseDataUri(part.data)
      const mediaType = part.mediaType ?? inline?.mediaType
      if (part.data !== undefined && mediaType !== undefined) {
        const data = inline?.data ?? part.data
        if (mediaType.startsWith('image/')) return { type: 'image', source: { type: 'base64', media_type: mediaType, data } }
        if (mediaType === 'application/pdf') {
          return {
            type: 'document',
            source: { type: 'base64', media_type: mediaType, data },
            ...(part.filename === undefined ? {} : { title: part.filename }),
          }
        }
      }
      warnings.push(`anthropic: a file part (${mediaType ?? 'unknown type'}) was left out; only inline images and PDFs are sent.`)
      return undefined
    }
    case 'audio':
      warnings.push('anthropic: audio parts are not supported and were left out.')
      return undefined
  }
}

/** Anthropic takes back only its own reasoning: `thinking` with its signature, or `redacted_thinking`. */
function convertReasoning(part: ReasoningPart, warnings: string[]): AnthropicContentBlock | undefined {
  if (part.provider !== undefined && part.provider !== 'anthropic') {
    warnings.push(`anthropic: reasoning from ${part.provider} was left out; Anthropic only takes back its own.`)
    return undefined
  }
  if (part.redactedData !== undefined) return { type: 'redacted_thinking', data: part.redactedData }
  if (part.signature !== undefined) return { type: 'thinking', thinking: part.text, signature: part.signature }
  warnings.push('anthropic: reasoning without a signature was left out; Anthropic only takes back its own signed thinking.')
  return undefined
}

function convertMessage(message: Exclude<Message, { role: 'system' }>, warnings: string[]): AnthropicTurn | undefined {
  switch (message.role) {
    case 'user': {
      const content =
        typeof message.content === 'string'
          ? [{ type: 'text', text: message.content }]
          : message.content.flatMap((part) => convertPart(part, warnings) ?? [])
      return { role: 'user', content }
    }
    case 'tool':
      return {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: message.toolCallId,
            content: message.content,
            ...(message.isError === true ? { is_error: true } : {}),
          },
        ],
      }
    case 'assistant': {
      const content = (message.reasoning ?? []).flatMap((part) => convertReasoning(part, warnings) ?? [])
      if (message.content !== null && message.content !== '') content.push({ type: 'text', text: message.content })
      for (const call of message.toolCalls ?? []) {
        content.push({ type: 'tool_use', id: call.id, name: call.name, input: call.args })
      }
      return { role: 'assistant', content }
    }
  }
}

/**
 * Converts DSPex messages to an Anthropic Messages API prompt: system messages go to the
 * top-level `system`, tool results become `tool_result` blocks in user turns, assistant tool
 * calls become `tool_use` blocks after the turn's signed `thinking` and `redacted_thinking` blocks
 * (which Anthropic requires back when extended thinking is on), and consecutive turns of the same role are merged so roles
 * alternate. With `cacheControl`, a cache breakpoint is set on the last system block and on the
 * last block of the last message.
 *
 * @param messages - The DSPex messages.
 * @param cacheControl - The prompt-caching marker to set, if any.
 */
export function convertToAnthropicMessages(messages: readonly Message[], cacheControl?: AnthropicCacheControl): AnthropicPrompt {
  const warnings: string[] = []
  const system: AnthropicContentBlock[] = []
  const turns: AnthropicTurn[] = []
  for (const message of messages) {
    if (message.role === 'system') {
      system.push({ type: 'text', text: message.content })
      continue
    }
    const turn = convertMessage(message, warnings)
    if (turn === undefined || turn.content.length === 0) continue
    const previous = turns.at(-1)
    if (previous?.role === turn.role) previous.content.push(...turn.content)
    else turns.push(turn)
  }
  if (cacheControl !== undefined) {
    const lastSystem = system.length - 1
    if (lastSystem >= 0) system[lastSystem] = { ...system[lastSystem], type: 'text', cache_control: cacheControl }
    const lastTurn = turns.at(-1)
    const lastBlock = lastTurn === undefined ? -1 : lastTurn.content.length - 1
    if (lastTurn !== undefined && lastBlock >= 0) {
      const block = lastTurn.content[lastBlock]
      if (block !== undefined) lastTurn.content[lastBlock] = { ...block, cache_control: cacheControl }
    }
  }
  return { messages: turns, warnings, ...(system.length === 0 ? {} : { system }) }
}
