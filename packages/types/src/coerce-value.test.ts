import type { TSchema } from 'typebox'
import { describe, expect, it } from 'vitest'
import { Address, Person } from './__fixtures__/person-model.js'
import { coerceValue } from './coerce-value.js'
import { describeType } from './describe-type.js'
import { ValueValidationError } from './errors/value-validation-error.js'
import { specialTypeSchema } from './special-type-schema.js'
import { t } from './type-builder.js'
import type { TypeNode } from './type-node.js'

function coerce(value: unknown, schema: TSchema, path?: string): unknown {
  return coerceValue(value, describeType(schema), path)
}

function failure(value: unknown, schema: TSchema): ValueValidationError {
  try {
    coerce(value, schema)
  } catch (error) {
    if (ValueValidationError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ValueValidationError')
}

const Color = t.enum('Color', { RED: 'red', GREEN: 'green' })
const Priority = t.enum('Priority', { LOW: 1, HIGH: 3 })

// Expected results recorded from pydantic 2.13 (TypeAdapter(T).validate_python in lax mode).
describe('coerceValue: str', () => {
  it('accepts strings only', () => {
    expect(coerce('x', t.string())).toBe('x')
    expect(coerce('', t.string())).toBe('')
    for (const value of [3, 3.5, true, null, ['x'], { a: 1 }]) {
      expect(() => coerce(value, t.string())).toThrow(ValueValidationError)
    }
  })
})

describe('coerceValue: int', () => {
  const accepted: readonly [unknown, number][] = [
    [3, 3],
    [3.0, 3],
    [true, 1],
    [false, 0],
    ['3', 3],
    [' 3 ', 3],
    [' 3\n', 3],
    ['\u00a03\u00a0', 3],
    ['3.0', 3],
    ['3.00', 3],
    ['-3.0', -3],
    ['+3', 3],
    ['03', 3],
    ['1_000', 1000],
    ['1_0.0', 10],
    ['  -0 ', 0],
    [10n, 10],
  ]
  for (const [value, expected] of accepted) {
    it(`reads ${JSON.stringify(typeof value === 'bigint' ? `${value}n` : value)} as ${expected}`, () => {
      expect(coerce(value, t.integer())).toBe(expected)
    })
  }
  const rejected: readonly unknown[] = [
    3.5,
    3.0000000001,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '3.5',
    '3.',
    '1e3',
    '0x10',
    '0b11',
    '1__0',
    '_1',
    '1_',
    '1_0.0_0',
    '',
    'inf',
    'three',
    null,
    [1],
  ]
  for (const value of rejected) {
    it(`rejects ${String(value)} (${typeof value})`, () => {
      expect(() => coerce(value, t.integer())).toThrow(ValueValidationError)
    })
  }
})

describe('coerceValue: float', () => {
  const accepted: readonly [unknown, number][] = [
    [3, 3],
    [0.85, 0.85],
    [true, 1],
    ['3', 3],
    [' 3.5 ', 3.5],
    ['1e3', 1000],
    ['1E3', 1000],
    ['.5', 0.5],
    ['5.', 5],
    [' +.5 ', 0.5],
    ['-.5e-3', -0.0005],
    ['1_000.5', 1000.5],
    ['1_e3', 1000],
    ['1._5', 1.5],
    ['-_1', -1],
    ['inf', Number.POSITIVE_INFINITY],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-INFINITY', Number.NEGATIVE_INFINITY],
    [' inf ', Number.POSITIVE_INFINITY],
  ]
  for (const [value, expected] of accepted) {
    it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
      expect(coerce(value, t.number())).toBe(expected)
    })
  }
  it('reads nan in any case and sign', () => {
    for (const text of ['nan', 'NaN', 'nAn', '+nan', '-nan']) expect(coerce(text, t.number())).toBeNaN()
  })
  for (const value of ['', 'abc', 'high', '0x10', '1e', 'e3', '.', '1.5_', '_1', '1__0', 'infinit', 'in f', '+-1', null]) {
    it(`rejects ${JSON.stringify(value)}`, () => {
      expect(() => coerce(value, t.number())).toThrow(ValueValidationError)
    })
  }
})

describe('coerceValue: bool', () => {
  const accepted: readonly [unknown, boolean][] = [
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    [1.0, true],
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['yes', true],
    ['Yes', true],
    ['no', false],
    ['on', true],
    ['off', false],
    ['t', true],
    ['f', false],
    ['y', true],
    ['n', false],
    ['1', true],
    ['0', false],
  ]
  for (const [value, expected] of accepted) {
    it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
      expect(coerce(value, t.boolean())).toBe(expected)
    })
  }
  for (const value of [2, 1.5, ' true ', 'truee', '', 'maybe', null]) {
    it(`rejects ${JSON.stringify(value)}`, () => {
      expect(() => coerce(value, t.boolean())).toThrow(ValueValidationError)
    })
  }
})

describe('coerceValue: none, any, special', () => {
  it('accepts only null for None (undefined counts as null)', () => {
    expect(coerce(null, t.none())).toBeNull()
    expect(coerce(undefined, t.none())).toBeNull()
    expect(() => coerce('None', t.none())).toThrow(ValueValidationError)
    expect(() => coerce('', t.none())).toThrow(ValueValidationError)
  })
  it('passes anything through Any', () => {
    const value = { a: [1, 'x'] }
    expect(coerce(value, t.any())).toBe(value)
  })
  it('leaves special types to their own validation, accepting objects and strings as they are', () => {
    const image = { url: 'https://example.com/a.png' }
    expect(coerce(image, specialTypeSchema('Image'))).toBe(image)
    expect(coerce('print(1)', specialTypeSchema('Code', 'python'))).toBe('print(1)')
    expect(() => coerce(42, specialTypeSchema('Image'))).toThrow('expected Image, got 42 (number)')
    expect(coerce([{ name: 'f', args: {} }], specialTypeSchema('ToolCalls'))).toEqual([{ name: 'f', args: {} }])
    expect(() => coerce([1, 2], specialTypeSchema('Code', 'python'))).toThrow(ValueValidationError)
  })
})

describe('coerceValue: literal and enum', () => {
  it('matches literal values exactly, without converting strings', () => {
    expect(coerce('a', t.literal('a', 'b'))).toBe('a')
    expect(coerce(1, t.literal(1, 2))).toBe(1)
    expect(() => coerce('1', t.literal(1, 2))).toThrow("expected Literal[1, 2], got '1' (string)")
    expect(() => coerce('A', t.literal('a', 'b'))).toThrow(ValueValidationError)
  })
  it('lets booleans equal 1 and 0, as Python does', () => {
    expect(coerce(true, t.literal(1, 2))).toBe(1)
    expect(coerce(1, t.literal(true))).toBe(true)
  })
  it('matches enums by value only (member names are parseValue’s business)', () => {
    expect(coerce('red', Color)).toBe('red')
    expect(() => coerce('RED', Color)).toThrow("expected Color, got 'RED' (string)")
    expect(coerce(3, Priority)).toBe(3)
    expect(coerce(true, Priority)).toBe(1)
    expect(() => coerce('1', Priority)).toThrow(ValueValidationError)
  })
})

describe('coerceValue: list, set, tuple, dict', () => {
  it('checks list items and accepts a Set', () => {
    expect(coerce(['1', 2, 3.0], t.list(t.integer()))).toEqual([1, 2, 3])
    expect(coerce(new Set([1, 2]), t.list(t.integer()))).toEqual([1, 2])
    expect(() => coerce('ab', t.list(t.integer()))).toThrow("expected list[int], got 'ab' (string)")
    expect(() => coerce({ a: 1 }, t.list(t.integer()))).toThrow(ValueValidationError)
  })
  it('removes duplicates for a set, after conversion', () => {
    expect(coerce([1, '1', 2, 1], t.set(t.integer()))).toEqual([1, 2])
  })
  it('lists every bad item', () => {
    const error = failure([1, 'x', '2', null], t.list(t.integer()))
    expect(error.issues).toEqual([
      { path: '/1', expected: 'int', got: "'x' (string)" },
      { path: '/3', expected: 'int', got: 'null' },
    ])
    expect(error.message).toBe("2 validation errors for list[int]\n/1: expected int, got 'x' (string)\n/3: expected int, got null")
  })
  it('checks tuples item by item, with the exact length', () => {
    const pair = t.tuple([t.integer(), t.string()])
    expect(coerce(['1', 'a'], pair)).toEqual([1, 'a'])
    expect(failure([1], pair).issues).toEqual([{ path: '/1', expected: 'str', got: 'nothing (missing)' }])
    expect(failure([1, 'a', 3], pair).issues).toEqual([{ path: '', expected: 'tuple[int, str]', got: 'array of 3 items' }])
  })
  it('checks dict values and keeps keys', () => {
    expect(coerce({ a: '1', b: 2 }, t.dict(t.integer()))).toEqual({ a: 1, b: 2 })
    expect(() => coerce([['a', 1]], t.dict(t.integer()))).toThrow('expected dict[str, int], got array of 1 item')
    expect(failure({ 'a/b': 'x' }, t.dict(t.integer())).issues).toEqual([{ path: '/a~1b', expected: 'int', got: "'x' (string)" }])
  })
  it('reads int dict keys from their text', () => {
    const intKeyed = { type: 'object', patternProperties: { '^-?(?:0|[1-9][0-9]*)$': { type: 'string' } } } as TSchema
    expect(coerce({ ' 1': 'a', '2': 'b' }, intKeyed)).toEqual({ '1': 'a', '2': 'b' })
    expect(failure({ one: 'a' }, intKeyed).issues).toEqual([{ path: '/one', expected: 'int (as a dict key)', got: "'one' (string)" }])
  })
  it('keeps a __proto__ key as data', () => {
    const result = coerce(JSON.parse('{"__proto__": 1}'), t.dict(t.integer())) as Record<string, unknown>
    expect(Object.keys(result)).toEqual(['__proto__'])
  })
})

describe('coerceValue: model', () => {
  it('converts fields, fills defaults and drops unknown keys', () => {
    expect(coerce({ name: 'Ada', age: '36', x: 1 }, Person)).toEqual({
      name: 'Ada',
      age: 36,
      emails: [],
      address: null,
    })
  })
  it('gives every instance its own copy of a default', () => {
    const first = coerce({ name: 'A', age: 1 }, Person) as { emails: string[] }
    first.emails.push('a@b.c')
    expect(coerce({ name: 'B', age: 2 }, Person)).toMatchObject({ emails: [] })
  })
  it('validates nested models', () => {
    const value = { name: 'Ada', age: 36, address: { street: 'Main', city: 'X' } }
    expect(coerce(value, Person)).toEqual({ ...value, emails: [], address: { street: 'Main', city: 'X', zip_code: null } })
  })
  it('reports missing required fields and bad fields together', () => {
    const error = failure({ age: 'abc' }, Person)
    expect(error.issues).toEqual([
      { path: '/name', expected: 'str', got: 'nothing (missing)' },
      { path: '/age', expected: 'int', got: "'abc' (string)" },
    ])
  })
  it('rejects non-objects', () => {
    expect(() => coerce('Ada, 36 years old', Person)).toThrow("1 validation error for Person\nexpected Person, got 'Ada, 36 years old' (string)")
    expect(() => coerce([1], Person)).toThrow(ValueValidationError)
    expect(() => coerce(null, Person)).toThrow(ValueValidationError)
  })
  it('collects issues across a list of models with JSON-pointer paths', () => {
    const people = [
      { name: 'A', age: 'x' },
      { name: 3, age: 1, address: { street: 1 } },
    ]
    const error = failure(people, t.list(Person))
    expect(error.typeName).toBe('list[Person]')
    expect(error.issues).toEqual([
      { path: '/0/age', expected: 'int', got: "'x' (string)" },
      { path: '/1/name', expected: 'str', got: '3 (number)' },
      { path: '/1/address/street', expected: 'str', got: '1 (number)' },
      { path: '/1/address/city', expected: 'str', got: 'nothing (missing)' },
    ])
    expect(error.message.split('\n')[0]).toBe('4 validation errors for list[Person]')
  })
  it('prefixes issue paths with the given path', () => {
    expect(() => coerce({ name: 'A', age: 'x' }, Person, '/person')).toThrow("/person/age: expected int, got 'x' (string)")
  })
  it('treats a field set to undefined as missing', () => {
    expect(coerce({ name: 'A', age: 1, emails: undefined }, Person)).toMatchObject({ emails: [] })
  })
})

describe('coerceValue: union (pydantic smart mode)', () => {
  it('prefers an option the value already is', () => {
    expect(coerce('5', t.union([t.integer(), t.string()]))).toBe('5')
    expect(coerce(5, t.union([t.string(), t.integer()]))).toBe(5)
    expect(coerce(['1'], t.union([t.list(t.integer()), t.list(t.string())]))).toEqual(['1'])
  })
  it('falls back to the first option that converts the value', () => {
    expect(coerce('5', t.optional(t.integer()))).toBe(5)
    expect(coerce('2.5', t.union([t.integer(), t.number()]))).toBe(2.5)
    expect(coerce('true', t.union([t.integer(), t.boolean()]))).toBe(true)
    expect(coerce(1, t.union([t.string(), t.boolean()]))).toBe(true)
    expect(coerce({ name: 'A', age: '3' }, t.union([t.string(), Person]))).toMatchObject({ age: 3 })
  })
  it('picks the model with the most fields set when several fit', () => {
    const M = t.model('M', { a: t.integer() })
    const N = t.model('N', { a: t.integer(), b: t.withDefault(t.integer(), 0) })
    expect(coerce({ a: 1, b: 2 }, t.union([M, N]))).toEqual({ a: 1, b: 2 })
    expect(coerce({ a: 1 }, t.union([M, N]))).toEqual({ a: 1 })
  })
  it('accepts null for Optional and reports the inner type’s issues otherwise', () => {
    expect(coerce(null, t.optional(t.integer()))).toBeNull()
    expect(failure('abc', t.optional(t.integer())).issues).toEqual([{ path: '', expected: 'int', got: "'abc' (string)" }])
    expect(failure({ street: 'x' }, t.optional(Address)).issues).toEqual([{ path: '/city', expected: 'str', got: 'nothing (missing)' }])
  })
  it('reports a general union as one issue', () => {
    const error = failure([1, 'x'], t.union([t.list(t.integer()), t.dict(t.integer())]))
    expect(error.issues).toEqual([{ path: '', expected: 'Union[list[int], dict[str, int]]', got: 'array of 2 items' }])
  })
})

/** A value `depth` levels deep: `[[...[1]...]]`. */
function nestedList(depth: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level += 1) value = [value]
  return value
}

describe('coerceValue on hostile values', () => {
  it('reports a value nested past 1,000 levels (or containing itself) as an issue, not a stack overflow', () => {
    // A list type 1,100 levels deep (describeType refuses that much; a type node can be built by hand).
    let lists: TypeNode = { kind: 'int' }
    for (let level = 0; level < 1100; level += 1) lists = { kind: 'list', items: lists, unique: false }
    const cyclic: unknown[] = []
    cyclic.push(cyclic)
    for (const value of [nestedList(1100), cyclic]) {
      try {
        coerceValue(value, lists)
        throw new Error('expected a ValueValidationError')
      } catch (error) {
        if (!ValueValidationError.isInstance(error)) throw error
        expect(error.issues[0]?.got).toBe('a value nested more than 1000 levels deep (or one that contains itself)')
        expect(error.issues[0]?.path).toBe('/0'.repeat(1000))
      }
    }
    let shallower: TypeNode = { kind: 'int' }
    for (let level = 0; level < 999; level += 1) shallower = { kind: 'list', items: shallower, unique: false }
    expect(coerceValue(nestedList(999), shallower)).toEqual(nestedList(999))
  })

  it('lists the first 1,000 issues and counts the others', () => {
    try {
      coerceValue(
        Array.from({ length: 5000 }, () => 'x'),
        describeType(t.list(t.integer())),
      )
      throw new Error('expected a ValueValidationError')
    } catch (error) {
      if (!ValueValidationError.isInstance(error)) throw error
      expect(error.issues).toHaveLength(1000)
      expect(error.omittedIssues).toBe(4000)
      expect(error.message.split('\n')[0]).toBe('5000 validation errors for list[int]')
      expect(error.message.split('\n').at(-1)).toBe('... and 4000 more')
    }
  })
})
