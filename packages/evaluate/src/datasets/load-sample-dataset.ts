import { existsSync } from 'node:fs'
import type { Example } from '@dspex/primitives'
import { DatasetError } from '../errors/dataset-error.js'
import { loadJSONL } from './stream-jsonl.js'

/** The fields of an example of the bundled sample dataset. */
export interface SampleQaRecord {
  /** A short factual question. */
  readonly question: string
  /** Its short, unambiguous answer. */
  readonly answer: string
  /** One of `arithmetic`, `geography`, `science`, `history`, `language`. */
  readonly category: string
}

/**
 * Where the bundled `sample-qa.jsonl` is. The package's `data/` folder sits next to `dist/` (built
 * code, one folder below the package root) and next to `src/` (this file is one more folder down,
 * in `src/datasets/`), so both places are tried.
 *
 * @throws {DatasetError} (`dataset-sample-missing`) when the file is in neither place.
 */
export function sampleDatasetURL(): URL {
  const candidates = [new URL('../data/sample-qa.jsonl', import.meta.url), new URL('../../data/sample-qa.jsonl', import.meta.url)]
  const found = candidates.find((candidate) => existsSync(candidate))
  if (found !== undefined) return found
  throw new DatasetError({
    message: `The bundled sample dataset was not found (looked for ${candidates.map((candidate) => candidate.pathname).join(' and ')}).`,
    code: 'dataset-sample-missing',
  })
}

/**
 * Loads the small question-answering dataset bundled with the package: 60 short factual
 * questions with `question`, `answer` and `category` fields (12 each of arithmetic, geography,
 * science, history and language), with `question` as the input. Handy for examples and tests.
 *
 * @throws {DatasetError} when the bundled file is missing or unreadable.
 * @example
 * ```ts
 * const examples = await loadSampleDataset()
 * const { train, dev } = splitDataset(examples, { train: 0.5, seed: 0 })
 * ```
 */
export async function loadSampleDataset(): Promise<Example<SampleQaRecord, 'question'>[]> {
  const examples = await loadJSONL(sampleDatasetURL(), { inputKeys: ['question'] })
  return examples as unknown as Example<SampleQaRecord, 'question'>[]
}
