import { describe, expect, expectTypeOf, it } from 'vitest'
import { InvalidResponseDataError } from './errors/invalid-response-data-error.js'
import { parseJSON } from './parse-json.js'

const isGreeting = (value: unknown): value is { hello: string } =>
  typeof value === 'object' && value !== null && typeof (value as { hello?: unknown }).hello === 'string'

describe('parseJSON', () => {
  it('parses JSON, typed by the validator', () => {
    const value = parseJSON('{"hello":"world"}', { validate: isGreeting })
    expectTypeOf(value).toEqualTypeOf<{ hello: string }>()
    expect(value).toEqual({ hello: 'world' })
    expectTypeOf(parseJSON('1')).toEqualTypeOf<unknown>()
  })

  it('throws InvalidResponseDataError with the raw text for malformed JSON', () => {
    try {
      parseJSON('{"hello":', { provider: 'acme', url: 'http://x', statusCode: 200 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidResponseDataError)
      const { text, message, provider, statusCode, cause } = error as InvalidResponseDataError
      expect(text).toBe('{"hello":')
      expect(message).toMatch(/^acme returned malformed JSON: /)
      expect(provider).toBe('acme')
      expect(statusCode).toBe(200)
      expect(cause).toBeInstanceOf(SyntaxError)
    }
  })

  it('throws InvalidResponseDataError with the data when the shape is wrong', () => {
    try {
      parseJSON('{"hello":1}', { validate: isGreeting })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidResponseDataError)
      expect((error as InvalidResponseDataError).data).toEqual({ hello: 1 })
      expect((error as InvalidResponseDataError).message).toBe('The provider returned JSON that does not have the expected shape.')
    }
  })
})
