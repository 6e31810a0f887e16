import { pythonJSONDumps } from '../python-json-dumps.js'

/** Marks where a special type's content parts start inside a formatted prompt (DSPy's `CUSTOM_TYPE_START_IDENTIFIER`). */
export const customTypeStartIdentifier = '<<CUSTOM-TYPE-START-IDENTIFIER>>'

/** Marks where a special type's content parts end inside a formatted prompt (DSPy's `CUSTOM_TYPE_END_IDENTIFIER`). */
export const customTypeEndIdentifier = '<<CUSTOM-TYPE-END-IDENTIFIER>>'

/**
 * What DSPy's `Type.serialize_model` gives for a value whose `format()` returns content parts:
 * the parts as Python `json.dumps` writes them, between the two markers. Adapters later split the
 * marked span out of the prompt text into content blocks.
 *
 * @example
 * ```ts
 * serializeCustomTypeParts([{ type: 'image_url', image_url: { url: 'https://x/y.png' } }])
 * // '<<CUSTOM-TYPE-START-IDENTIFIER>>[{"type": "image_url", "image_url": {"url": "https://x/y.png"}}]<<CUSTOM-TYPE-END-IDENTIFIER>>'
 * ```
 * @see DSPy `dspy/adapters/types/base_type.py` `Type.serialize_model`
 */
export function serializeCustomTypeParts(parts: readonly object[]): string {
  return `${customTypeStartIdentifier}${pythonJSONDumps(parts)}${customTypeEndIdentifier}`
}
