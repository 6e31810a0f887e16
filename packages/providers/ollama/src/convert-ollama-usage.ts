import type { Usage } from '@dspex/provider'

/** Converts Ollama's `prompt_eval_count` and `eval_count` (either may be missing, e.g. on a cached prompt). */
export function convertOllamaUsage(counts: { readonly prompt_eval_count?: number; readonly eval_count?: number }): Usage {
  const promptTokens = counts.prompt_eval_count ?? 0
  const completionTokens = counts.eval_count ?? 0
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens }
}
