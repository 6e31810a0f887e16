import type { Message } from '@dspex/provider'
import { formatScriptedAnswer } from './format-scripted-answer.js'
import { ScriptedLM } from './scripted-lm.js'

/** Options of {@link createDemoSensitiveLM} and {@link demoSensitiveAnswer}. */
export interface DemoSensitiveOptions {
  /** The correct answer to each question (by the input field's text), or a function giving it. */
  readonly answers: Readonly<Record<string, string>> | ((question: string) => string | undefined)
  /** The input field holding the question; `question` by default. */
  readonly inputField?: string
  /** The output field that gets the answer; `answer` by default. Other output fields get a fixed sentence. */
  readonly outputField?: string
  /** The category of a question; by default the tag it starts with (`[geo] Capital of France?` is `geo`). */
  readonly categoryOf?: (question: string) => string | undefined
  /** Text the instructions (system message) must contain for a correct answer (`Answer in uppercase`). */
  readonly ruleRequired?: string
  /**
   * Whether a demo of the question's category must be in the prompt for a correct answer; true by
   * default, false by default when `ruleRequired` is given (then the rule alone decides).
   */
  readonly requireDemo?: boolean
  /** The answer given when the conditions are not met; `I do not know` by default. */
  readonly wrongAnswer?: string | ((question: string) => string)
  /** Wait this long before answering (for benches). */
  readonly latencyMs?: number
  /** The model id reported; `demo-sensitive` by default. */
  readonly modelId?: string
}

const sectionPattern = /\[\[ ## (\w+) ## \]\]\n/g
const outputFieldsPattern = /Your output fields are:\n([\s\S]*?)\nAll interactions/
const fieldLinePattern = /^\d+\. `(\w+)`/gm
const respondTrailer = '\n\nRespond with the corresponding output fields'
const tagPattern = /^\s*\[([^\]]+)\]/

/**
 * What a demo-sensitive model answers to a ChatAdapter prompt, as output field values: the
 * correct answer to the final question only when the conditions hold — a demo (an earlier
 * user turn followed by an assistant turn) whose question has the same category, and/or the
 * required rule in the instructions — otherwise the wrong answer. Deterministic: the same
 * messages always give the same answer, so optimizers that add the right demos or rules provably
 * raise the score.
 */
export function demoSensitiveAnswer(messages: readonly Message[], options: DemoSensitiveOptions): Record<string, string> {
  const inputField = options.inputField ?? 'question'
  const outputField = options.outputField ?? 'answer'
  const categoryOf = options.categoryOf ?? ((question: string) => tagPattern.exec(question)?.[1])
  const system = messages[0]?.role === 'system' ? textOf(messages[0]) : ''
  const question = sectionValue(textOf(messages.at(-1)), inputField) ?? ''
  const category = categoryOf(question)

  let hasDemo = false
  for (let index = 0; index < messages.length - 2 && !hasDemo; index += 1) {
    const user = messages[index]
    if (user?.role !== 'user' || messages[index + 1]?.role !== 'assistant') continue
    const demoQuestion = sectionValue(textOf(user), inputField)
    hasDemo = demoQuestion !== undefined && category !== undefined && categoryOf(demoQuestion) === category
  }
  const rule = options.ruleRequired
  const ruleMet = rule === undefined || system.includes(rule)
  const demoMet = !(options.requireDemo ?? rule === undefined) || hasDemo
  const correct = typeof options.answers === 'function' ? options.answers(question) : options.answers[question]
  const wrong = typeof options.wrongAnswer === 'function' ? options.wrongAnswer(question) : (options.wrongAnswer ?? 'I do not know')
  const answer = ruleMet && demoMet && correct !== undefined ? correct : wrong

  const fields: Record<string, string> = {}
  for (const name of outputFieldNames(system, outputField)) {
    fields[name] = name === outputField ? answer : `Looking for a demo tagged [${category ?? ''}].`
  }
  return fields
}

/** {@link demoSensitiveAnswer} written as a ChatAdapter reply (`[[ ## answer ## ]]` sections), for fake servers. */
export function demoSensitiveReply(messages: readonly Message[], options: DemoSensitiveOptions): string {
  return `${formatScriptedAnswer(demoSensitiveAnswer(messages, options), 'chat')}\n\n[[ ## completed ## ]]`
}

/**
 * A scripted LM that answers correctly only when the prompt holds a demo of the question's
 * category (or the required rule in its instructions), for tests and benches that must show an
 * optimizer improved a program. It records requests like any {@link ScriptedLM}.
 *
 * @example
 * ```ts
 * const model = createDemoSensitiveLM({ answers: { '[geo] Capital of France?': 'Paris' } })
 * configure({ lm: new LM(model, { cache: false }) })
 * ```
 */
export function createDemoSensitiveLM(options: DemoSensitiveOptions): ScriptedLM {
  return new ScriptedLM((request) => demoSensitiveAnswer(request.messages, options), {
    modelId: options.modelId ?? 'demo-sensitive',
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  })
}

/** The output field names the system message lists, or just `fallback` when it lists none. */
function outputFieldNames(system: string, fallback: string): string[] {
  const block = outputFieldsPattern.exec(system)?.[1]
  const names = block === undefined ? [] : [...block.matchAll(fieldLinePattern)].map((match) => match[1] as string)
  return names.length > 0 ? names : [fallback]
}

/** The text of section `[[ ## name ## ]]` in a message, up to the next section. */
function sectionValue(text: string, name: string): string | undefined {
  const matches = [...text.matchAll(sectionPattern)]
  const index = matches.findIndex((match) => match[1] === name)
  const match = matches[index]
  if (match === undefined) return undefined
  const start = (match.index ?? 0) + match[0].length
  const end = matches[index + 1]?.index ?? text.length
  const value = text.slice(start, end)
  const trailer = value.indexOf(respondTrailer)
  return (trailer === -1 ? value : value.slice(0, trailer)).trim()
}

function textOf(message: Message | undefined): string {
  const content = message?.content
  if (typeof content === 'string') return content
  if (content === null || content === undefined) return ''
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}
