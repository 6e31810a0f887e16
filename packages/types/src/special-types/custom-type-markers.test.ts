import { describe, expect, it } from 'vitest'
import { customTypeEndIdentifier, customTypeStartIdentifier, serializeCustomTypeParts } from './custom-type-markers.js'

describe('serializeCustomTypeParts', () => {
  it('writes the parts as Python json.dumps (ensure_ascii=False) between the markers', () => {
    expect(serializeCustomTypeParts([{ type: 'document', source: { data: 'héllo "x"' }, citations: { enabled: true } }])).toBe(
      '<<CUSTOM-TYPE-START-IDENTIFIER>>[{"type": "document", "source": {"data": "héllo \\"x\\""}, "citations": {"enabled": true}}]<<CUSTOM-TYPE-END-IDENTIFIER>>',
    )
  })

  it('exports DSPy’s marker strings', () => {
    expect(customTypeStartIdentifier).toBe('<<CUSTOM-TYPE-START-IDENTIFIER>>')
    expect(customTypeEndIdentifier).toBe('<<CUSTOM-TYPE-END-IDENTIFIER>>')
    expect(serializeCustomTypeParts([])).toBe(`${customTypeStartIdentifier}[]${customTypeEndIdentifier}`)
  })
})
