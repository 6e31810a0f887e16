// @ts-check
import { SignatureError } from '@dspex/signatures'
import { inferPrefix } from '@dspex/signatures/internal'
import * as types from '@dspex/types'
import { buildSignature } from './build-signature.mjs'

/**
 * Checks a `signature` golden record. Returns `{ actual, expected }` to compare, each a plain
 * JSON value; equal means the case passes.
 * @param {any} record
 * @returns {{ actual: unknown, expected: unknown }}
 */
export function checkSignatureCase(record) {
  const { build } = record.signature
  const expected = record.expected
  if (build.from === 'infer_prefix') {
    const names = /** @type {string[]} */ (record.inputs.names)
    return { actual: { ok: true, prefixes: Object.fromEntries(names.map((name) => [name, inferPrefix(name)])) }, expected }
  }
  if (expected.ok === false) return checkSignatureError(record)
  const resolvedFields = expected.signature.fields
  const signature = buildSignature(build, resolvedFields)
  return {
    actual: {
      name: signature.name,
      signature_string: signature.signatureString,
      instructions: signature.instructions,
      fields: signature.fields.map((field) => describeField(field, resolvedFields)),
      dump_state: signature.dumpState(),
    },
    expected: {
      name: expected.signature.name,
      signature_string: expected.signature.signature_string,
      instructions: expected.signature.instructions,
      fields: resolvedFields.map((/** @type {any} */ field) => ({
        name: field.name,
        io: field.io,
        type_name: field.type_name,
        desc: field.desc,
        prefix: field.prefix,
        type_undefined: field.type_undefined,
        required: field.required,
        constraints: field.constraints ?? null,
        json_schema: field.json_schema,
      })),
      dump_state: expected.dump_state,
    },
  }
}

/**
 * @param {import('@dspex/signatures').SignatureField} field
 * @param {any[]} resolvedFields
 */
function describeField(field, resolvedFields) {
  const recorded = resolvedFields.find((candidate) => candidate.name === field.name)
  return {
    name: field.name,
    io: field.direction,
    type_name: field.typeName,
    desc: field.desc,
    prefix: field.prefix,
    type_undefined: field.typeUndefined,
    required: field.required,
    constraints: field.constraintsText ?? null,
    json_schema: jsonSchemaOf(field.schema, recorded?.json_schema),
  }
}

/**
 * @param {import('typebox').TSchema} schema
 * @param {unknown} recorded
 */
function jsonSchemaOf(schema, recorded) {
  const generate = /** @type {any} */ (types).pydanticJSONSchema
  if (typeof generate !== 'function') return { missing: '@dspex/types has no pydanticJSONSchema yet', recorded }
  return generate(schema)
}

/** @param {any} record */
function checkSignatureError(record) {
  const { expected } = record
  const dspySentence = expected.error_class === 'ValueError'
  const want = { ok: false, error: 'SignatureError', ...(dspySentence ? { message: expected.error_message } : {}) }
  try {
    const signature = buildSignature(record.signature.build, [])
    return { actual: { ok: true, signature_string: signature.signatureString }, expected: want }
  } catch (error) {
    if (!(error instanceof SignatureError)) {
      return { actual: { ok: false, error: String(error) }, expected: want }
    }
    return {
      actual: { ok: false, error: 'SignatureError', ...(dspySentence ? { message: error.message } : {}) },
      expected: want,
    }
  }
}
