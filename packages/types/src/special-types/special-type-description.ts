import type { SpecialNode } from '../type-node.js'
import { Citations } from './citations.js'
import { Code } from './code.js'
import { Document } from './document.js'
import { ToolCalls } from './tool-calls.js'

/**
 * The text DSPy adds to a field's description for a special type (`Type.description()`), shown as
 * `Type description of <Name>: <text>` in prompts; '' for types that add none. `Code` includes its
 * language. `History` and `ToolCallResults` are not DSPy custom types and never add one.
 *
 * @see DSPy `dspy.Type.description` and `dspy/adapters/chat_adapter.py` field descriptions
 */
export function specialTypeDescription(node: SpecialNode): string {
  switch (node.name) {
    case 'ToolCalls':
      return ToolCalls.description()
    case 'Code':
      return Code.description(node.language)
    case 'Document':
      return Document.description()
    case 'Citations':
      return Citations.description()
    default:
      return ''
  }
}
