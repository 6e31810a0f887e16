import type { Citation as ProviderCitation } from '@dspex/provider'
import { type CitationFields, Citations } from '@dspex/types'

/**
 * The `Citations` output a model filled natively: its document quotes located by characters (Anthropic's
 * `char_location`), in DSPy's citation fields, as DSPy 3.3.1 fills `dspy.Citations` from the LM's `citations` through
 * `Citations.parse_lm_response`. Quotes located by page or block, and web sources, have no place in DSPy's `Citation`
 * (it needs character offsets into a document) and are left out; undefined when no quote is left.
 *
 * @example
 * ```ts
 * nativeCitations([{ type: 'document', documentIndex: 0, citedText: 'Water boils at 100°C.', location: { unit: 'char', start: 0, end: 21 } }])
 * // Citations { citations: [Citation { cited_text: 'Water boils at 100°C.', document_index: 0, start_char_index: 0, end_char_index: 21, ... }] }
 * ```
 * @see DSPy's `Citations.parse_lm_response` and `Adapter._call_postprocess` (`dspy/adapters/base.py`)
 */
export function nativeCitations(citations: readonly ProviderCitation[] | undefined): Citations | undefined {
  const fields: CitationFields[] = []
  for (const citation of citations ?? []) {
    if (citation.type !== 'document' || citation.location?.unit !== 'char') continue
    fields.push({
      type: 'char_location',
      cited_text: citation.citedText,
      document_index: citation.documentIndex,
      document_title: citation.documentTitle ?? null,
      start_char_index: citation.location.start,
      end_char_index: citation.location.end,
      supported_text: citation.supportedText ?? null,
    })
  }
  return fields.length === 0 ? undefined : Citations.fromDictList(fields)
}
