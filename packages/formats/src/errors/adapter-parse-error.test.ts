import { DSPexError } from '@dspex/core'
import { Signature } from '@dspex/signatures'
import { describe, expect, it } from 'vitest'
import { AdapterConfigurationError } from './adapter-configuration-error.js'
import { AdapterParseError } from './adapter-parse-error.js'
import { XMLSyntaxError } from './xml-syntax-error.js'

const signature = Signature.parse('question -> answer, n: int')

describe('AdapterParseError', () => {
  it('lays its message out as DSPy does', () => {
    const error = new AdapterParseError({ adapterName: 'ChatAdapter', signature, lmResponse: 'text', message: 'Why.', parsedResult: { answer: 'a' } })
    expect(error.message).toBe(
      'Why.\n\nAdapter ChatAdapter failed to parse the LM response. \n\nLM Response: text \n\nExpected to find output fields in the LM response: [answer, n] \n\nActual output fields parsed from the LM response: [answer] \n\n',
    )
    expect(new AdapterParseError({ adapterName: 'X', signature, lmResponse: '' }).message).toBe(
      'Adapter X failed to parse the LM response. \n\nLM Response:  \n\nExpected to find output fields in the LM response: [answer, n] \n\n',
    )
  })

  it('carries a partial result without listing it when asked', () => {
    const error = new AdapterParseError({
      adapterName: 'ChatAdapter',
      signature,
      lmResponse: 'x',
      fieldName: 'n',
      parsedResult: { answer: 'a' },
      listParsedFields: false,
    })
    expect(error.message).not.toContain('Actual output fields')
    expect(error).toMatchObject({ fieldName: 'n', parsedResult: { answer: 'a' }, signature, code: 'adapter-parse' })
  })

  it('is recognised across package copies by its marker', () => {
    const error = new AdapterParseError({ adapterName: 'ChatAdapter', signature, lmResponse: '' })
    expect(error).toBeInstanceOf(DSPexError)
    expect(AdapterParseError.isInstance(error)).toBe(true)
    expect(AdapterParseError.isInstance({ [Symbol.for('dspex.error.adapter-parse')]: true })).toBe(true)
    expect(AdapterConfigurationError.isInstance(error)).toBe(false)
  })

  it('has siblings with their own codes', () => {
    expect(new AdapterConfigurationError({ message: 'm' }).code).toBe('adapter-configuration')
    expect(
      new XMLSyntaxError({ message: 'mismatched tag: line 1, column 2', code: 'xml-syntax', reason: 'mismatched tag', line: 1, column: 2 }),
    ).toMatchObject({
      message: 'mismatched tag: line 1, column 2',
      code: 'xml-syntax',
    })
  })
})
