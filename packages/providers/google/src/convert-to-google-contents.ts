import type { ContentPart, Message } from '@dspex/provider'

/** A part of a Gemini request's content. */
export type GooglePart =
  | { readonly text: string; readonly thought?: boolean; readonly thoughtSignature?: string }
  | { readonly inlineData: { readonly mimeType: string; readonly data: string } }
  | { readonly fileData: { readonly mimeType: string; readonly fileUri: string } }
  | {
      readonly functionCall: { readonly name: string; readonly args: Readonly<Record<string, unknown>> }
      readonly thoughtSignature?: string
    }
  | { readonly functionResponse: { readonly name: string; readonly response: Readonly<Record<string, unknown>> } }

/** One turn of a Gemini conversation. */
export interface GoogleContent {
  readonly role: 'user' | 'model'
  readonly parts: GooglePart[]
}

/** What {@link convertToGoogleContents} returns. */
export interface GooglePrompt {
  /** The system messages, joined, as Gemini's `systemInstruction`. */
  readonly systemInstruction?: { readonly parts: readonly { readonly text: string }[] }
  /** The turns, consecutive ones of the same role merged. */
  readonly contents: readonly GoogleContent[]
}

const dataUriPattern = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s

function guessMediaType(url: string, fallback: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase()
  const known: Record<string, string> = {
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    pdf: 'application/pdf',
    mp3: 'audio/mpeg',
    wav: 'audio/wav',
  }
  return (extension === undefined ? undefined : known[extension]) ?? fallback
}

function fromDataOrURL(value: string, mediaType: string | undefined, fallback: string): GooglePart {
  const match = dataUriPattern.exec(value)
  if (match !== null) return { inlineData: { mimeType: mediaType ?? match[1] ?? fallback, data: match[2] ?? '' } }
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return { fileData: { mimeType: mediaType ?? guessMediaType(value, fallback), fileUri: value } }
  }
  return { inlineData: { mimeType: mediaType ?? fallback, data: value } }
}

function convertPart(part: ContentPart): GooglePart {
  switch (part.type) {
    case 'text':
      return { text: part.text }
    case 'image':
      return fromDataOrURL(part.url, part.mediaType, 'image/jpeg')
    case 'audio':
      return { inlineData: { mimeType: `audio/${part.format === 'mp3' ? 'mpeg' : part.format}`, data: part.data } }
    case 'file':
      if (part.data !== undefined) return fromDataOrURL(part.data, part.mediaType, 'application/octet-stream')
      return { fileData: { mimeType: part.mediaType ?? 'application/octet-stream', fileUri: part.fileId ?? '' } }
    case 'document':
      return fromDataOrURL(part.data, part.mediaType, part.mediaType)
  }
}

function parseToolResult(content: string): Readonly<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(content)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // not JSON: sent as text below
  }
  return { content }
}

/**
 * Converts DSPex messages to Gemini's `systemInstruction` and `contents`: assistant turns become
 * `model` turns, with their reasoning sent back as `thought` parts and every thought signature where
 * Gemini put it (a signed reasoning part with no text signs the turn's text; tool calls keep their own), tool results become `functionResponse` parts of a `user` turn (named after the
 * call they answer), images and files become `inlineData` (data URIs) or `fileData` (URLs), and
 * consecutive turns of the same role are merged, as Gemini requires alternating roles.
 *
 * @param messages - The conversation.
 * @returns The system instruction (if any) and the contents.
 */
export function convertToGoogleContents(messages: readonly Message[]): GooglePrompt {
  const system: string[] = []
  const contents: GoogleContent[] = []
  const toolNames = new Map<string, string>()
  const push = (role: 'user' | 'model', parts: GooglePart[]): void => {
    if (parts.length === 0) return
    const last = contents.at(-1)
    if (last?.role === role) last.parts.push(...parts)
    else contents.push({ role, parts })
  }
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        system.push(message.content)
        break
      case 'user':
        push('user', typeof message.content === 'string' ? [{ text: message.content }] : message.content.map(convertPart))
        break
      case 'assistant': {
        const parts: GooglePart[] = []
        let textSignature: string | undefined
        for (const part of message.reasoning ?? []) {
          // Gemini takes back only its own thought signatures; another provider's reasoning is left out.
          if (part.redactedData !== undefined || (part.provider !== undefined && part.provider !== 'google')) continue
          if (part.text !== '')
            parts.push({ text: part.text, thought: true, ...(part.signature === undefined ? {} : { thoughtSignature: part.signature }) })
          else textSignature ??= part.signature
        }
        if (message.content !== null && message.content !== '') {
          parts.push({ text: message.content, ...(textSignature === undefined ? {} : { thoughtSignature: textSignature }) })
        }
        for (const call of message.toolCalls ?? []) {
          toolNames.set(call.id, call.name)
          parts.push({
            functionCall: { name: call.name, args: call.args },
            ...(call.signature === undefined ? {} : { thoughtSignature: call.signature }),
          })
        }
        push('model', parts)
        break
      }
      case 'tool': {
        const name = message.name ?? toolNames.get(message.toolCallId) ?? message.toolCallId
        push('user', [{ functionResponse: { name, response: parseToolResult(message.content) } }])
        break
      }
    }
  }
  return {
    ...(system.length === 0 ? {} : { systemInstruction: { parts: [{ text: system.join('\n\n') }] } }),
    contents,
  }
}
