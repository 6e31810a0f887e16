import { DSPexError } from '@dspex/core'
import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { describeType } from './describe-type.js'
import { TypeDefinitionError } from './errors/type-definition-error.js'
import { parsePythonType } from './parse-python-type.js'

function failure(text: string): TypeDefinitionError {
  try {
    parsePythonType(text)
  } catch (error) {
    if (error instanceof TypeDefinitionError) return error
    throw error
  }
  throw new Error(`expected ${text} to fail`)
}

describe('parsePythonType', () => {
  it('builds TypeBox schemas', () => {
    expect(describeType(parsePythonType('list[dict[str, Any]]'))).toEqual({
      kind: 'list',
      items: { kind: 'dict', keys: { kind: 'str' }, values: { kind: 'any' } },
      unique: false,
    })
    expect(describeType(parsePythonType("Literal['a\\'b', \"c\", -1, 2.5, True]"))).toEqual({
      kind: 'literal',
      values: ["a'b", 'c', -1, 2.5, true],
    })
    expect(describeType(parsePythonType('Union[int]'))).toEqual({ kind: 'int' })
    expect(describeType(parsePythonType('list'))).toEqual({ kind: 'list', items: { kind: 'any' }, unique: false })
    expect(describeType(parsePythonType('typing.Optional[  str ]'))).toEqual({
      kind: 'union',
      options: [{ kind: 'str' }, { kind: 'none' }],
      syntax: 'typing',
    })
  })

  it('resolves custom types by full or last dotted name, and quoted forward references', () => {
    const Person = Type.Object({ name: Type.String() }, { title: 'Person' })
    expect(parsePythonType('Person', { customTypes: { Person } })).toBe(Person)
    expect(parsePythonType('models.Person', { customTypes: { Person } })).toBe(Person)
    expect(describeType(parsePythonType("list['Person']", { customTypes: { Person } }))).toMatchObject({ kind: 'list', items: { name: 'Person' } })
  })

  it('caches results for strings without custom types', () => {
    expect(parsePythonType('dict[str, int]')).toBe(parsePythonType('dict[str, int]'))
  })

  it.each([
    ['Foo', "unknown type 'Foo'", '0'],
    ['list[Foo]', "unknown type 'Foo'", '5'],
    ['list[str', "expected ',' or ']', found the end of the type", '8'],
    ['dict[str]', 'dict[...] takes 2 type arguments, got 1', '0'],
    ['dict[float, int]', 'dict keys must be str or int', '0'],
    ['Optional[int, str]', 'Optional[...] takes 1 type argument, got 2', '0'],
    ['Literal[]', 'Literal[...] needs at least one value', '0'],
    ['Literal[int]', 'Literal[...] takes constants', '8'],
    ['list[3]', 'a number (3) is not a type', '5'],
    ['str]', "unexpected ']'", '3'],
    ['str[int]', 'str does not take [...] arguments', '0'],
    ["Literal['open", 'unterminated string', '8'],
    ['list[$]', 'unexpected character "$"', '5'],
  ])('rejects %j: %s at %s', (text, problem, path) => {
    const error = failure(text)
    expect(error.message).toContain(problem)
    expect(error.message).toContain(`'${text}'`)
    expect(error.path).toBe(path)
    expect(error.code).toBe('type-definition')
  })

  it('meets 20,000 random type strings with a schema or a typed error, never a crash', () => {
    const pieces = [
      'list',
      'dict',
      'str',
      'int',
      'Literal',
      'Optional',
      'Union',
      'None',
      '[',
      ']',
      ',',
      ' ',
      '|',
      "'",
      '"',
      '1',
      '-',
      '.',
      'typing',
      'Code',
      'x',
      '\\',
      '$',
      'True',
    ]
    let state = 7
    const next = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state / 2147483648
    }
    let parsed = 0
    for (let round = 0; round < 20_000; round += 1) {
      let text = ''
      const length = 1 + Math.floor(next() * 10)
      for (let index = 0; index < length; index += 1) text += pieces[Math.floor(next() * pieces.length)]
      try {
        describeType(parsePythonType(text))
        parsed += 1
      } catch (error) {
        if (!(error instanceof DSPexError)) throw new Error(`untyped error for ${JSON.stringify(text)}: ${String(error)}`)
      }
    }
    expect(parsed).toBeGreaterThan(100)
  })
})

describe('parsePythonType on hostile text', () => {
  it('reads 200 nested brackets and refuses more, as Python does', () => {
    expect(describeType(parsePythonType(`${'list['.repeat(200)}int${']'.repeat(200)}`)).kind).toBe('list')
    expect(() => parsePythonType(`${'list['.repeat(100_000)}int${']'.repeat(100_000)}`)).toThrow(TypeDefinitionError)
    expect(() => parsePythonType(`${'list['.repeat(201)}int${']'.repeat(201)}`)).toThrow('more than 200 nested brackets')
  })
})
