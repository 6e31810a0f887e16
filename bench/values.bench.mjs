// @ts-check
// format-value / parse-value: the cost of turning typed values into prompt text and LM text back into
// typed values, per value, for the types a typical RAG signature uses. DSPy 3.3.1 builds a pydantic
// TypeAdapter for every value it formats and parses (DSPY.md 5.3); its whole ChatAdapter.parse of two
// fields costs about 28 us on this kind of machine.
import { formatFieldValue, parseValue, t } from '@dspex/types'
import { microsecondsPerCall, report } from './measure.mjs'

const Person = t.model('Person', { name: t.string(), age: t.integer(), emails: t.withDefault(t.list(t.string()), []) })
const passages = t.list(t.string())
const confidence = t.number()
const people = t.list(Person)
const contextValue = ['Paris is the capital of France.', 'It lies on the Seine.', 'About 2.1 million people live there.']
const peopleValue = [
  { name: 'Ada', age: 36, emails: ['ada@example.com'] },
  { name: 'Alan', age: 41, emails: [] },
]

const format = await microsecondsPerCall({
  passages: () => formatFieldValue(contextValue, passages),
  numbered: () => formatFieldValue(contextValue, t.string()),
  float: () => formatFieldValue(1, confidence),
  people: () => formatFieldValue(peopleValue, people),
})
const parse = await microsecondsPerCall({
  float: () => parseValue('0.85', confidence),
  passages: () => parseValue('["a", "b", "c"]', passages),
  people: () => parseValue('[{"name": "Ada", "age": "36"}, {"name": "Alan", "age": 41, "emails": []}]', people),
  repaired: () => parseValue("```json\n[{'name': 'Ada', 'age': 36,}]\n```", people),
})

const mean = (/** @type {Record<string, number>} */ values) =>
  Object.values(values).reduce((sum, value) => sum + value, 0) / Object.values(values).length
const detail = (/** @type {Record<string, number>} */ values) =>
  Object.entries(values)
    .map(([name, value]) => `${name} ${value.toFixed(2)}`)
    .join(', ')
report('format-value', mean(format), 'us', `mean per value: ${detail(format)} us`)
report('parse-value', mean(parse), 'us', `mean per value: ${detail(parse)} us; DSPy's ChatAdapter.parse of 2 fields: ~28 us`)
