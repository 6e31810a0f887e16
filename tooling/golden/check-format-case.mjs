// @ts-check
import { DSPexError } from '@dspex/core'
import { buildSignature } from './build-signature.mjs'
import { adapterNamed, fieldValues, openaiMessage } from './golden-values.mjs'

/**
 * Checks a `format` golden record: the adapter's messages for the record's signature, demos and
 * inputs must equal DSPy's byte for byte; where DSPy raised, formatting must throw a DSPex error.
 * @param {any} record
 * @returns {{ actual: unknown, expected: unknown }}
 */
export function checkFormatCase(record) {
  const signature = buildSignature(record.signature.build, record.signature.fields)
  const adapter = adapterNamed(record.adapter)
  const demos = (record.demos ?? []).map((/** @type {Record<string, unknown>} */ demo) => fieldValues(signature, demo))
  if (record.expected.ok === false) {
    try {
      const messages = adapter.format(signature, demos, fieldValues(signature, record.inputs ?? {}))
      return { actual: { ok: true, messages: messages.map(openaiMessage) }, expected: { ok: false } }
    } catch (error) {
      return { actual: { ok: false, dspex_error: DSPexError.isInstance(error) }, expected: { ok: false, dspex_error: true } }
    }
  }
  const messages = adapter.format(signature, demos, fieldValues(signature, record.inputs ?? {}))
  return { actual: { ok: true, messages: messages.map(openaiMessage) }, expected: record.expected }
}
