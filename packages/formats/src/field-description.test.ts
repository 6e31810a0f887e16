import { InputField, OutputField, Signature } from '@dspex/signatures'
import { t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { applyOutputFieldDefaults } from './apply-output-field-defaults.js'
import { demoKind } from './demo-groups.js'
import { fieldDescriptionList } from './field-description.js'
import { fieldInfoRepr } from './field-info-repr.js'
import { outputTypeHint, translateFieldType } from './translate-field-type.js'

const sentiment = Signature.create({
  fields: {
    sentence: InputField(t.string()),
    label: OutputField(t.literal('positive', 'negative')),
    color: OutputField(t.enum('Color', { RED: 'red', BLUE: 'blue' })),
    confidence: OutputField(t.number(), { desc: 'between 0 and 1', ge: 0, le: 1 }),
    calls: OutputField(t.toolCalls()),
    notes: OutputField(t.optional(t.string()), { default: null }),
  },
})
const field = (name: string) => {
  const found = sentiment.field(name)
  if (found === undefined) throw new Error(name)
  return found
}

describe('fieldDescriptionList', () => {
  it('numbers fields with type and description, constraints and special-type descriptions', () => {
    expect(fieldDescriptionList(sentiment.outputFields)).toBe(
      "1. `label` (Literal['positive', 'negative']): \n2. `color` (Color): \n3. `confidence` (float): between 0 and 1\nConstraints: greater than or equal to: 0.0, less than or equal to: 1.0\n" +
        '4. `calls` (ToolCalls): \n    Type description of ToolCalls: Tool calls must be a JSON object with `tool_calls`, a list of calls. Each call must include `name` and `args`. Example: {"tool_calls": [{"name": "search", "args": {"query": "cats"}}]}\n' +
        '5. `notes` (Union[str, NoneType]):',
    )
  })
})

describe('translateFieldType and outputTypeHint', () => {
  it('notes literals, enums and JSON schemas; hints every non-str type', () => {
    expect(translateFieldType(field('sentence'))).toBe('{sentence}')
    expect(translateFieldType(field('label'))).toBe(
      '{label}        # note: the value you produce must exactly match (no extra characters) one of: positive; negative',
    )
    expect(translateFieldType(field('color'))).toBe('{color}        # note: the value you produce must be one of: red; blue')
    expect(translateFieldType(field('notes'))).toBe(
      '{notes}        # note: the value you produce must adhere to the JSON schema: {"anyOf": [{"type": "string"}, {"type": "null"}]}',
    )
    expect(outputTypeHint(field('sentence'))).toBe('')
    expect(outputTypeHint(field('color'))).toBe(' (must be formatted as a valid Python Color)')
    expect(outputTypeHint(field('calls'))).toBe(' (must be a JSON object like {"tool_calls": [{"name": "...", "args": {...}}]})')
  })
})

describe('fieldInfoRepr', () => {
  it('prints a field as pydantic prints its FieldInfo', () => {
    expect(fieldInfoRepr(field('confidence'))).toBe(
      "annotation=float required=True json_schema_extra={'desc': 'between 0 and 1', '__dspy_field_type': 'output', 'constraints': 'greater than or equal to: 0.0, less than or equal to: 1.0', 'prefix': 'Confidence:'}",
    )
    expect(fieldInfoRepr(field('notes'))).toBe(
      "annotation=Union[str, NoneType] required=False default=None json_schema_extra={'__dspy_field_type': 'output', 'prefix': 'Notes:', 'desc': '${notes}'}",
    )
  })
})

describe('applyOutputFieldDefaults', () => {
  it('completes missing optional outputs in signature order and copies mutable defaults', () => {
    const defaults = [] as string[]
    const signature = Signature.create({
      fields: {
        q: InputField(),
        tags: OutputField(t.list(t.string()), { default: defaults }),
        a: OutputField(t.optional(t.integer())),
        b: OutputField(),
      },
    })
    const completed = applyOutputFieldDefaults(signature, { b: 'x', extra: 1 })
    expect(completed).toEqual({ tags: [], a: null, b: 'x' })
    expect(Object.keys(completed)).toEqual(['tags', 'a', 'b'])
    expect(completed.tags).not.toBe(defaults)
    expect(applyOutputFieldDefaults(signature, {})).not.toHaveProperty('b')
  })
})

describe('demoKind', () => {
  it('counts a null value or an undefined key as incomplete, and needs an input and an output to keep a demo', () => {
    const signature = Signature.parse('q -> a')
    const demos = [{ q: '1', a: 'x' }, { q: '2', a: null }, { q: '3', a: undefined }, { q: '4' }]
    expect(demos.map((demo) => demoKind(signature, demo))).toEqual(['complete', 'incomplete', undefined, undefined])
  })
})
