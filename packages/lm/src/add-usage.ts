import type { Usage } from '@dspex/provider'

/**
 * The sum of two usages, field by field; optional counts appear when either side has them.
 * `undefined` counts as nothing used.
 */
export function addUsage(left: Usage | undefined, right: Usage | undefined): Usage | undefined {
  if (left === undefined) return right
  if (right === undefined) return left
  const cachedPromptTokens = sumOptional(left.cachedPromptTokens, right.cachedPromptTokens)
  const reasoningTokens = sumOptional(left.reasoningTokens, right.reasoningTokens)
  return {
    promptTokens: left.promptTokens + right.promptTokens,
    completionTokens: left.completionTokens + right.completionTokens,
    totalTokens: left.totalTokens + right.totalTokens,
    ...(cachedPromptTokens === undefined ? {} : { cachedPromptTokens }),
    ...(reasoningTokens === undefined ? {} : { reasoningTokens }),
  }
}

function sumOptional(left: number | undefined, right: number | undefined): number | undefined {
  return left === undefined && right === undefined ? undefined : (left ?? 0) + (right ?? 0)
}
