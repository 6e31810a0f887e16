import { describe, expect, it } from 'vitest'
import type { SpecialTypeName } from '../type-node.js'
import { recorded } from './__fixtures__/dspy-special-types.js'
import { specialTypeDescription } from './special-type-description.js'

describe('specialTypeDescription gives DSPy 3.3.1’s Type.description()', () => {
  const names: SpecialTypeName[] = ['Image', 'Audio', 'File', 'Tool', 'ToolCalls', 'Code', 'Reasoning', 'Document', 'Citations']
  for (const name of names) {
    it(name, () => {
      expect(specialTypeDescription({ kind: 'special', name })).toBe(recorded.descriptions[name])
    })
  }

  it('Code with a language', () => {
    expect(specialTypeDescription({ kind: 'special', name: 'Code', language: 'java' })).toBe(recorded.descriptions.Code_java)
  })

  it('nothing for History and ToolCallResults, which are not DSPy custom types', () => {
    expect(recorded.descriptions.History).toBeNull()
    expect(specialTypeDescription({ kind: 'special', name: 'History' })).toBe('')
    expect(specialTypeDescription({ kind: 'special', name: 'ToolCallResults' })).toBe('')
  })
})
