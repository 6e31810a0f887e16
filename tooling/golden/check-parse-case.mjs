// @ts-check
import { AdapterParseError } from '@dspex/formats'
import { selectUnionOption } from '@dspex/types/internal'
import { buildSignature } from './build-signature.mjs'
import { adapterNamed } from './golden-values.mjs'

/**
 * Checks a `parse` golden record. A success must give the same values (and Python types); a
 * failure must be an `AdapterParseError` from the same adapter, carrying the raw LM response,
 * naming the field DSPy's message points at, with DSPy's message (pydantic's validation reports
 * left out). Where DSPy lets a per-field validation error through
 * (JSONAdapter), ours is an `AdapterParseError` naming an output field, with that error as its cause.
 * @param {any} record
 * @returns {{ actual: unknown, expected: unknown }}
 */
export function checkParseCase(record) {
  const signature = buildSignature(record.signature.build, record.signature.fields)
  const adapter = adapterNamed(record.adapter)
  const expected = expectedOutcome(record, signature)
  try {
    const value = adapter.parse(signature, record.completion)
    return { actual: { ok: true, value: JSON.parse(JSON.stringify(value)), value_types: pythonTypes(value, signature) }, expected }
  } catch (error) {
    return { actual: actualFailure(error, signature, expected), expected }
  }
}

/**
 * @param {any} record
 * @param {import('@dspex/signatures').Signature<object, object>} signature
 */
function expectedOutcome(record, signature) {
  const { expected } = record
  if (expected.ok) return { ok: true, value: expected.value, value_types: expected.value_types }
  if (expected.error_class !== 'AdapterParseError') {
    return {
      ok: false,
      error: 'AdapterParseError',
      adapter: record.adapter,
      lm_response: record.completion,
      names_output_field: true,
      cause: normalize(expected.error_message),
    }
  }
  const message = String(expected.error_message)
  return {
    ok: false,
    error: 'AdapterParseError',
    adapter: record.adapter,
    lm_response: /LM Response: ([\s\S]*) \n\nExpected to find output fields/.exec(message)?.[1] ?? null,
    field: expectedField(message, signature),
    message: normalize(message),
  }
}

/**
 * The field DSPy's message points at: the one it failed to parse, else the first one missing.
 * @param {string} message
 * @param {import('@dspex/signatures').Signature<object, object>} signature
 */
function expectedField(message, signature) {
  const named = /^Failed to parse field (\w+) with value/.exec(message)
  if (named !== null) return named[1]
  const described = /^Failed to parse field annotation=[\s\S]*?'prefix': '([^']*)'/.exec(message)
  if (described !== null) return signature.outputFields.find((field) => field.prefix === described[1])?.name ?? null
  const parsed = /Actual output fields parsed from the LM response: \[([^\]]*)\]/.exec(message)
  if (parsed !== null) {
    const names = (parsed[1] ?? '').split(', ').filter(Boolean)
    return signature.outputFields.find((field) => !names.includes(field.name))?.name ?? null
  }
  return null
}

/**
 * @param {unknown} error
 * @param {import('@dspex/signatures').Signature<object, object>} signature
 * @param {any} expected
 */
function actualFailure(error, signature, expected) {
  if (!AdapterParseError.isInstance(error)) {
    return { ok: false, error: error instanceof Error ? error.name : typeof error, message: String(error) }
  }
  const common = { ok: false, error: 'AdapterParseError', adapter: error.adapterName, lm_response: error.lmResponse }
  if ('cause' in expected && typeof expected.cause === 'string') {
    const cause = /** @type {{ cause?: unknown }} */ (error).cause
    return {
      ...common,
      names_output_field: signature.outputFields.some((field) => field.name === error.fieldName),
      cause: normalize(cause instanceof Error ? cause.message : String(cause)),
    }
  }
  return { ...common, field: error.fieldName ?? null, message: normalize(error.message) }
}

/**
 * DSPy's message with each validation report (`1 validation error for float\n  Input should be...`)
 * replaced by a placeholder: that text is pydantic's wording (its type names included), which
 * DSPex does not copy.
 * @param {string} message
 */
function normalize(message) {
  return message.replace(/\d+ validation errors? for [^\n]+\n[\s\S]*?(?=\n\nAdapter |$)/g, '<validation report>')
}

/**
 * Python's type of each parsed value, as the golden file records it (`int`, `list[str]`, `model:Person`, `enum:Color.RED`).
 * @param {Record<string, unknown>} value
 * @param {import('@dspex/signatures').Signature<object, object>} signature
 */
function pythonTypes(value, signature) {
  /** @type {Record<string, string>} */
  const types = {}
  for (const [name, item] of Object.entries(value)) {
    const field = signature.outputFields.find((candidate) => candidate.name === name)
    types[name] = pythonType(item, field?.type)
  }
  return types
}

/**
 * @param {unknown} value
 * @param {import('@dspex/types').TypeNode | undefined} node
 * @returns {string}
 */
function pythonType(value, node) {
  const type = node?.kind === 'union' ? selectUnionOption(node.options, value) : node
  if (value === null || value === undefined) return 'NoneType'
  if (type?.kind === 'enum') {
    const member = type.members.find((candidate) => candidate.value === value)
    if (member !== undefined) return `enum:${type.name}.${member.name}`
  }
  if (typeof value === 'string') return 'str'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return type?.kind === 'float' || !Number.isInteger(value) ? 'float' : 'int'
  if (Array.isArray(value)) {
    const items = type?.kind === 'list' ? type.items : undefined
    return `list[${[...new Set(value.map((item) => pythonType(item, items)))].join(', ')}]`
  }
  if (type?.kind === 'model') return `model:${type.name}`
  return 'dict'
}
