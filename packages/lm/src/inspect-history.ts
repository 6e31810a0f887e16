import type { ContentPart, Message } from '@dspex/provider'
import { getGlobalHistory, type LMHistoryEntry } from './lm-history.js'

/** Options of {@link formatHistory}. */
export interface FormatHistoryOptions {
  /** Colour roles, images and responses with ANSI escapes, as DSPy does on a terminal. Default `false`. */
  readonly colors?: boolean
}

/**
 * The last `n` entries of `history` as DSPy's `pretty_print_history` writes them to a file: the
 * timestamp, each message under `System message:` / `User message:`..., then `Response:` with the
 * first completion, its tool calls, and how many other completions there were.
 *
 * @example
 * ```ts
 * process.stdout.write(formatHistory(lm.history, 2))
 * ```
 * @see DSPy's `dspy.utils.inspect_history.pretty_print_history`.
 */
export function formatHistory(history: readonly LMHistoryEntry[], n = 1, { colors = false }: FormatHistoryOptions = {}): string {
  const paint = (code: number, text: string): string => (colors ? `\x1b[${code}m${text}\x1b[0m` : text)
  const red = (text: string): string => paint(31, text)
  const blue = (text: string): string => paint(34, text)
  const green = (text: string): string => paint(32, text.trimStart())
  let text = ''
  for (const entry of n > 0 ? history.slice(-n) : []) {
    text += '\n\n\n\n'
    text += `${blue(`[${entry.timestamp}]`)}\n\n`
    for (const message of entry.messages) {
      text += `${red(`${capitalize(message.role)} message:`)}\n\n`
      text += formatContent(message, blue)
      text += '\n\n'
    }
    const first = entry.outputs[0]
    if (first !== undefined) {
      if (first.text) text += `${red('Response:')}\n\n${green(first.text.trim())}\n\n`
      if (first.toolCalls !== undefined && first.toolCalls.length > 0) {
        text += `${red('Tool calls:')}\n\n`
        for (const call of first.toolCalls) text += `${green(`${call.name}: ${JSON.stringify(call.args)}`)}\n\n`
      }
    }
    if (entry.outputs.length > 1) text += `${red(` \t (and ${entry.outputs.length - 1} other completions)`)}\n`
  }
  return `${text}\n\n\n\n`
}

/**
 * The last `n` calls of every LM in the process, formatted by {@link formatHistory}.
 *
 * @see DSPy's `dspy.inspect_history`.
 */
export function inspectHistory(n = 1, options: FormatHistoryOptions = {}): string {
  return formatHistory(getGlobalHistory(), n, options)
}

function formatContent(message: Message, blue: (text: string) => string): string {
  const content = message.content
  if (typeof content === 'string') return `${content.trim()}\n`
  if (content === null) return ''
  return content.map((part) => formatPart(part, blue)).join('')
}

function formatPart(part: ContentPart, blue: (text: string) => string): string {
  switch (part.type) {
    case 'text':
      return `${part.text.trim()}\n`
    case 'image': {
      const marker = part.url.indexOf('base64,')
      const shown =
        marker >= 0
          ? `<${part.url.slice(0, marker)}base64,<IMAGE BASE 64 ENCODED(${part.url.length - marker - 'base64,'.length})>`
          : `<image_url: ${part.url}>`
      return `${blue(shown.trim())}\n`
    }
    case 'audio':
      return `${blue(`<audio format='${part.format}' base64-encoded, length=${part.data.length}>`)}\n`
    case 'file':
      return `${blue(`<file: name:${part.filename ?? ''}, id:${part.fileId ?? ''}, data_length:${(part.data ?? '').length}>`)}\n`
    case 'document':
      return `${blue(`<document: title:${part.title ?? ''}, media_type:${part.mediaType}, data_length:${part.data.length}>`)}\n`
  }
}

function capitalize(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1).toLowerCase()
}
