import { pythonTypeName } from '@dspex/types'
import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { SignatureError } from './errors/signature-error.js'
import { parseSignatureString } from './parse-signature-string.js'

function summary(text: string): string[] {
  return parseSignatureString(text).map(
    ({ name, definition }) => `${definition.direction}:${name}:${pythonTypeName(definition.schema)}${definition.typeUndefined ? '?' : ''}`,
  )
}

function errorOf(run: () => unknown): SignatureError {
  try {
    run()
  } catch (error) {
    if (error instanceof SignatureError) return error
    throw error
  }
  throw new Error('expected a SignatureError')
}

describe('parseSignatureString', () => {
  it('parses untyped fields as str, marking untyped inputs only', () => {
    expect(summary('a, b -> c')).toEqual(['input:a:str?', 'input:b:str?', 'output:c:str'])
  })

  it('parses typed fields, with commas inside brackets and quotes', () => {
    expect(summary('context: list[str], q: dict[str, int] -> a: Literal["x, y", \'z]\'], n: int | None')).toEqual([
      'input:context:list[str]',
      'input:q:dict[str, int]',
      "output:a:Literal['x, y', 'z]']",
      'output:n:Union[int, NoneType]',
    ])
  })

  it('allows an empty side and a trailing comma, as Python does', () => {
    expect(summary('-> answer')).toEqual(['output:answer:str'])
    expect(summary('question, -> answer,')).toEqual(['input:question:str?', 'output:answer:str'])
  })

  it('resolves custom types from the registry', () => {
    const Person = Type.Object({ name: Type.String() }, { title: 'Person' })
    const [, person] = parseSignatureString('text -> person: Person', { Person })
    expect(person?.definition.schema).toBe(Person)
  })

  it.each([
    ['question answer', "Invalid signature format: 'question answer', must contain exactly one '->'."],
    ['a -> b -> c', "Invalid signature format: 'a -> b -> c', must contain exactly one '->'."],
    ['', "Invalid signature format: '', must contain exactly one '->'."],
  ])('rejects %j with DSPy’s format message', (text, message) => {
    const error = errorOf(() => parseSignatureString(text))
    expect(error.code).toBe('signature-format')
    expect(error.message).toBe(message)
  })

  it('rejects names used as both input and output with DSPy’s message', () => {
    const error = errorOf(() => parseSignatureString('b, a -> a, b, c'))
    expect(error.code).toBe('signature-duplicate-field')
    expect(error.message).toBe("Input and output fields must have distinct names, but found duplicates: 'a, b'.")
  })

  it('rejects a repeated name on one side, naming it and its position', () => {
    const error = errorOf(() => parseSignatureString('a, a -> b'))
    expect(error.code).toBe('signature-duplicate-field')
    expect(error.message).toContain("duplicate field name 'a'")
    expect(error.position).toBe(2)
  })

  it.each([
    ['a b -> c', 0, "'a b' is not a valid field name"],
    ['a, , b -> c', 2, 'an empty field'],
    ['class -> c', 0, "'class' is not a valid field name"],
    ['a: -> c', 2, "has ':' but no type"],
    ['a: list[str -> c', 12, "a missing ']'"],
    ['a: int = 3 -> c', 2, 'default values are not supported'],
    ['1a -> c', 0, "'1a' is not a valid field name"],
    ['a) -> c', 1, "unbalanced ')'"],
  ])('rejects %j as a syntax error at %i', (text, position, fragment) => {
    const error = errorOf(() => parseSignatureString(text))
    expect(error.code).toBe('signature-syntax')
    expect(error.position).toBe(position)
    expect(error.message).toContain(fragment)
  })

  it('rejects unknown types, naming the type and its position in the signature', () => {
    const error = errorOf(() => parseSignatureString('q -> a: list[Foo]'))
    expect(error.code).toBe('signature-field-type')
    expect(error.position).toBe(13)
    expect(error.message).toContain("unknown type 'Foo'")
    expect(error.message).toContain("field 'a'")
  })
})
