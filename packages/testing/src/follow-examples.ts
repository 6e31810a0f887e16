import type { Message } from '@dspex/provider'

const headerPattern = /\[\[ ## (\w+) ## \]\]/

function textOf(message: Message | undefined): string {
  if (message === undefined) return ''
  if (typeof message.content === 'string') return message.content
  if (message.content === null) return ''
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}

/**
 * DSPy's DummyLM `follow_examples` mode: finds the demo whose user turn contains the final
 * request's first section, and returns that demo's assistant turn, so a program answers with its
 * own examples. `undefined` when no demo matches.
 *
 * @see dspy.utils.DummyLM._use_example
 */
export function answerFromExamples(messages: readonly Message[]): string | undefined {
  const counts = new Map<string, number>()
  for (const message of messages) {
    const match = headerPattern.exec(textOf(message))
    if (match !== null && match.index === 0) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1)
  }
  if (counts.size === 0) return undefined
  const maxCount = Math.max(...counts.values())
  const outputHeaders = [...counts].filter(([, count]) => count !== maxCount).map(([header]) => header)
  const finalInput = textOf(messages.at(-1)).split('\n\n')[0] ?? ''
  for (let index = messages.length - 1; index >= 1; index -= 1) {
    const input = textOf(messages[index - 1])
    const output = textOf(messages[index])
    if (outputHeaders.some((header) => output.includes(header)) && input.includes(finalInput)) return output
  }
  return undefined
}
