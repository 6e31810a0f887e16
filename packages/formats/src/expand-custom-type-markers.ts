import type { ContentPart, Message } from '@dspex/provider'
import { customTypeEndIdentifier, customTypeStartIdentifier, loadRepairedJSON, pythonJSONDumps } from '@dspex/types/internal'
import { pythonStrip } from './python-strip.js'

/**
 * A user message whose text holds special-type markers (an Image, Audio, File or Document value
 * formatted into the prompt) with the marked spans turned into content parts; the text around them
 * becomes text parts. Other messages are returned as they are.
 *
 * @example
 * ```ts
 * expandCustomTypeMarkers({ role: 'user', content: `see ${new Image('https://x/y.png').toJSON()} here` })
 * // { role: 'user', content: [{ type: 'text', text: 'see ' }, { type: 'image', url: 'https://x/y.png' }, { type: 'text', text: ' here' }] }
 * ```
 * @see DSPy `dspy/adapters/_legacy_type_markers.py` (`_expand_legacy_custom_type_markers_in_chat_message`)
 */
export function expandCustomTypeMarkers(message: Message): Message {
  if (message.role !== 'user' || typeof message.content !== 'string') return message
  if (!message.content.includes(customTypeStartIdentifier)) return message
  return { role: 'user', content: splitMarkedText(message.content) }
}

/**
 * The text split into parts at each marked span (a start marker, then the first end marker after it).
 * Found with plain searches, in time linear in the text: once a start marker has no end marker after
 * it, no later one has.
 */
export function splitMarkedText(text: string): ContentPart[] {
  const parts: ContentPart[] = []
  let lastEnd = 0
  for (let start = text.indexOf(customTypeStartIdentifier); start !== -1; start = text.indexOf(customTypeStartIdentifier, lastEnd)) {
    const payloadStart = start + customTypeStartIdentifier.length
    const end = text.indexOf(customTypeEndIdentifier, payloadStart)
    if (end === -1) break
    if (start > lastEnd) parts.push({ type: 'text', text: text.slice(lastEnd, start) })
    for (const part of payloadParts(pythonStrip(text.slice(payloadStart, end)))) parts.push(part)
    lastEnd = end + customTypeEndIdentifier.length
  }
  if (lastEnd < text.length) parts.push({ type: 'text', text: text.slice(lastEnd) })
  return parts
}

function payloadParts(payload: string): ContentPart[] {
  const parsed = parsePayload(payload)
  if (!Array.isArray(parsed)) return [{ type: 'text', text: payload }]
  return parsed.map(contentPartFromBlock)
}

/**
 * The marked JSON: as it is, or JSON-escaped once more (a marker inside a list or dict value is
 * written inside a JSON string), or repaired.
 */
function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload)
  } catch {}
  try {
    return JSON.parse(JSON.parse(`"${payload}"`) as string)
  } catch {}
  try {
    return loadRepairedJSON(payload)
  } catch {
    return undefined
  }
}

type Block = Readonly<Record<string, unknown>>

function record(value: unknown): Block {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Block) : {}
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/** An OpenAI content block (as DSPy's special types format themselves) as a provider-neutral part. */
function contentPartFromBlock(block: unknown): ContentPart {
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    return { type: 'text', text: typeof block === 'string' ? block : pythonJSONDumps(block) }
  }
  const fields = block as Block
  switch (fields.type) {
    case 'text':
      return { type: 'text', text: text(fields.text) ?? '' }
    case 'image_url': {
      const source = fields.image_url
      const url = typeof source === 'string' ? source : (text(record(source).url) ?? '')
      const mediaType = dataUriMediaType(url)
      return mediaType === undefined ? { type: 'image', url } : { type: 'image', url, mediaType }
    }
    case 'input_audio': {
      const audio = record(fields.input_audio)
      return { type: 'audio', data: text(audio.data) ?? '', format: text(audio.format) ?? 'wav' }
    }
    case 'file': {
      const file = record(fields.file)
      const data = text(file.file_data)
      const fileId = text(file.file_id)
      const filename = text(file.filename)
      const mediaType = data === undefined ? undefined : dataUriMediaType(data)
      return {
        type: 'file',
        ...(data === undefined ? {} : { data }),
        ...(fileId === undefined ? {} : { fileId }),
        ...(filename === undefined ? {} : { filename }),
        ...(mediaType === undefined ? {} : { mediaType }),
      }
    }
    case 'document': {
      const source = record(fields.source)
      const title = text(fields.title)
      const context = text(fields.context)
      return {
        type: 'document',
        data: text(source.data) ?? '',
        mediaType: text(source.media_type) ?? 'text/plain',
        citations: record(fields.citations).enabled !== false,
        ...(title === undefined ? {} : { title }),
        ...(context === undefined ? {} : { context }),
      }
    }
    default:
      // A block no provider-neutral part describes: kept as its JSON text rather than dropped.
      return { type: 'text', text: pythonJSONDumps(block) }
  }
}

function dataUriMediaType(uri: string): string | undefined {
  if (!uri.startsWith('data:') || !uri.includes(',')) return undefined
  return (uri.slice('data:'.length).split(',', 1)[0] ?? '').split(';', 1)[0] || undefined
}
