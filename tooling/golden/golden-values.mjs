// @ts-check
// Shared by the format and parse checkers: adapters by DSPy class name, golden field values turned
// into the values a DSPex user would pass, and DSPex messages written in the OpenAI chat shape the
// golden files record.
import { ChatAdapter, JSONAdapter, XMLAdapter } from '@dspex/formats'
import { History } from '@dspex/types'

/** @type {Record<string, () => import('@dspex/formats').Adapter>} */
const adapters = {
  ChatAdapter: () => new ChatAdapter(),
  JSONAdapter: () => new JSONAdapter(),
  XMLAdapter: () => new XMLAdapter(),
}

/**
 * A fresh adapter of the golden record's class.
 * @param {string} name
 */
export function adapterNamed(name) {
  const make = adapters[name]
  if (make === undefined) throw new Error(`no adapter named ${JSON.stringify(name)}`)
  return make()
}

/**
 * Golden values (plain JSON) as DSPex values: a History field's `{messages}` becomes a `History`.
 * @param {import('@dspex/signatures').Signature<object, object>} signature
 * @param {Record<string, unknown>} values
 * @returns {Record<string, unknown>}
 */
export function fieldValues(signature, values) {
  /** @type {Record<string, unknown>} */
  const converted = { ...values }
  for (const field of signature.fields) {
    const value = converted[field.name]
    if (field.type.kind === 'special' && field.type.name === 'History' && value != null) {
      converted[field.name] = new History(/** @type {any} */ (value))
    }
  }
  return converted
}

/** @typedef {ReturnType<import('@dspex/formats').Adapter['format']>[number]} Message */
/** @typedef {Exclude<Extract<Message, { role: 'user' }>['content'], string>[number]} ContentPart */

/**
 * A DSPex message in the OpenAI chat shape: string content as it is, content parts as OpenAI blocks.
 * @param {Message} message
 */
export function openaiMessage(message) {
  if (message.role === 'user' && typeof message.content !== 'string') {
    return { role: message.role, content: message.content.map(openaiBlock) }
  }
  if (message.role === 'tool') return { role: 'tool', tool_call_id: message.toolCallId, name: message.name, content: message.content }
  if (message.role === 'assistant' && message.toolCalls !== undefined) {
    return {
      role: 'assistant',
      content: message.content,
      tool_calls: message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function',
        function: { name: call.name, arguments: JSON.stringify(call.args) },
      })),
    }
  }
  return { role: message.role, content: message.content }
}

/** @param {ContentPart} part */
function openaiBlock(part) {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text }
    case 'image':
      return { type: 'image_url', image_url: { url: part.url } }
    case 'audio':
      return { type: 'input_audio', input_audio: { data: part.data, format: part.format } }
    case 'file': {
      /** @type {Record<string, string>} */
      const file = {}
      if (part.data !== undefined) file.file_data = part.data
      if (part.fileId !== undefined) file.file_id = part.fileId
      if (part.filename !== undefined) file.filename = part.filename
      return { type: 'file', file }
    }
    case 'document':
      return {
        type: 'document',
        source: { type: 'text', media_type: part.mediaType, data: part.data },
        citations: { enabled: part.citations !== false },
        ...(part.title === undefined ? {} : { title: part.title }),
        ...(part.context === undefined ? {} : { context: part.context }),
      }
    default:
      return part
  }
}
