import { formatFieldValue, t } from '@dspex/types'
import { pythonJSONDumps, serializeForJSON } from '@dspex/types/internal'

/** The reply format a scripted LM imitates: the one the program's adapter asks for. */
export type ScriptedAnswerFormat = 'chat' | 'json' | 'xml'

const untyped = t.any()

/**
 * Writes output field values the way a model following the adapter's instructions would:
 * `[[ ## name ## ]]` sections for Chat, one JSON object for JSON, `<name>` tags for XML.
 * Values are untyped here, as in DSPy's DummyLM: lists and objects as JSON, the rest as Python's `str()`.
 *
 * @see dspy.utils.DummyLM._format_answer_fields
 */
export function formatScriptedAnswer(fields: Readonly<Record<string, unknown>>, format: ScriptedAnswerFormat): string {
  const entries = Object.entries(fields)
  switch (format) {
    case 'chat':
      return entries.map(([name, value]) => `[[ ## ${name} ## ]]\n${formatFieldValue(value, untyped)}`).join('\n\n')
    case 'json': {
      const { value, floatPaths } = serializeForJSON(fields, untyped)
      return pythonJSONDumps(value, { indent: 2, floatPaths })
    }
    case 'xml':
      return entries.map(([name, value]) => `<${name}>\n${formatFieldValue(value, untyped)}\n</${name}>`).join('\n')
  }
}
