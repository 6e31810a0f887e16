const finishReasons: ReadonlySet<unknown> = new Set(['stop', 'length', 'tool-calls', 'content-filter', 'refusal', 'error', 'other', 'unknown'])
const optionalUsageCounts = ['cachedPromptTokens', 'reasoningTokens', 'providerTotalTokens'] as const
const requiredUsageCounts = ['promptTokens', 'completionTokens', 'totalTokens'] as const

/**
 * What is wrong with `value` as a cached result (`CachedResult`), and where (`choices[0].text is the number 12345, not a
 * string or null`), or `undefined` when it is one. A cached result is held to what a fresh one gives the LM:
 * at least one choice; each choice with a string or `null` text and a known finish reason, and any reasoning,
 * reasoning parts or tool calls of the right shape; usage with whole token counts; a string response model.
 * Keys it does not know are allowed, so entries written by a newer version still read.
 */
export function checkCachedResult(value: unknown): string | undefined {
  if (!isRecord(value)) return `the entry is ${describe(value)}, not an object`
  const { choices, usage, responseModel } = value
  if (!Array.isArray(choices)) return `choices is ${describe(choices)}, not a list`
  if (choices.length === 0) return 'choices is empty: an answer has at least one completion'
  for (const [index, choice] of choices.entries()) {
    const problem = checkChoice(choice)
    if (problem !== undefined) return `choices[${index}]${problem}`
  }
  if (usage !== undefined) {
    if (!isRecord(usage)) return `usage is ${describe(usage)}, not an object`
    for (const name of requiredUsageCounts) if (!isCount(usage[name])) return `usage.${name} is ${describe(usage[name])}, not a token count`
    for (const name of optionalUsageCounts) {
      if (usage[name] !== undefined && !isCount(usage[name])) return `usage.${name} is ${describe(usage[name])}, not a token count`
    }
  }
  if (responseModel !== undefined && typeof responseModel !== 'string') return `responseModel is ${describe(responseModel)}, not a string`
  return undefined
}

/** The problem with one choice, starting with the key it is at (`.text is ...`), or `undefined`. */
function checkChoice(choice: unknown): string | undefined {
  if (!isRecord(choice)) return ` is ${describe(choice)}, not an object`
  const { text, finishReason, reasoning, rawFinishReason, toolCalls, reasoningParts } = choice
  if (text !== null && typeof text !== 'string') return `.text is ${describe(text)}, not a string or null`
  if (!finishReasons.has(finishReason)) return `.finishReason is ${describe(finishReason)}, not a finish reason`
  if (reasoning !== undefined && typeof reasoning !== 'string') return `.reasoning is ${describe(reasoning)}, not a string`
  if (rawFinishReason !== undefined && typeof rawFinishReason !== 'string') return `.rawFinishReason is ${describe(rawFinishReason)}, not a string`
  if (toolCalls !== undefined) {
    if (!Array.isArray(toolCalls)) return `.toolCalls is ${describe(toolCalls)}, not a list`
    for (const [index, call] of toolCalls.entries()) {
      if (!isRecord(call) || typeof call.id !== 'string' || typeof call.name !== 'string' || !isRecord(call.args)) {
        return `.toolCalls[${index}] is not a tool call (a string id and name, an object of args)`
      }
    }
  }
  if (reasoningParts !== undefined) {
    if (!Array.isArray(reasoningParts)) return `.reasoningParts is ${describe(reasoningParts)}, not a list`
    for (const [index, part] of reasoningParts.entries()) {
      if (!isRecord(part) || part.type !== 'reasoning' || typeof part.text !== 'string') {
        return `.reasoningParts[${index}] is not a reasoning part (type 'reasoning' and a string text)`
      }
    }
  }
  return undefined
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}

/** A value named in a sentence: `the number 12345`, `the string "x"`, `a list`, `null`. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`
  if (typeof value === 'object') return 'an object'
  return `the ${typeof value} ${String(value)}`
}
