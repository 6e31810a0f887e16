import type { TSchema } from 'typebox'
import { describe, expect, it } from 'vitest'
import { Person } from './__fixtures__/person-model.js'
import { ValueParseError } from './errors/value-parse-error.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { ValueValidationError } from './errors/value-validation-error.js'
import { parseValue } from './parse-value.js'
import { specialTypeSchema } from './special-type-schema.js'
import { t } from './type-builder.js'

function parseFailure(value: unknown, schema: TSchema): ValueParseError {
  try {
    parseValue(value, schema)
  } catch (error) {
    if (ValueParseError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a ValueParseError')
}

const Color = t.enum('Color', { RED: 'red', GREEN: 'green', BLUE: 'blue' })
const Priority = t.enum('Priority', { LOW: 1, MEDIUM: 2, HIGH: 3 })
const Sentiment = t.literal('positive', 'negative', 'neutral')
const Choice = t.literal("it's", 'say "hi"', 'plain')
const Level = t.literal(1, 2, 3)
const OptionalNotes = t.union([t.string(), t.none()], 'pep604')

// Field sections and decoded JSON values of the parse cases in fixtures/dspy/golden.jsonl.
describe('parseValue: DSPy golden parse cases', () => {
  it('parse/qa/ChatAdapter/well_formed: str keeps the text', () => {
    expect(parseValue('Paris', t.string())).toBe('Paris')
  })
  it('parse/rag_typed/ChatAdapter/well_formed: float from text', () => {
    expect(parseValue('0.85', t.number())).toBe(0.85)
  })
  it('parse/rag_typed/ChatAdapter/bad_float: "high" is not a float', () => {
    const error = parseFailure('high', t.number())
    expect(error.message).toBe("1 validation error for float\nexpected float, got 'high' (string)")
    expect(error.text).toBe('high')
    expect(error.typeName).toBe('float')
    expect(ValueValidationError.isInstance(error.cause)).toBe(true)
  })
  it('parse/rag_typed/JSONAdapter/bad_float: the JSON string "high" is not a float', () => {
    expect(() => parseValue('high', t.number())).toThrow(ValueParseError)
  })
  it('parse/typed/ChatAdapter/python_literals', () => {
    expect(parseValue('3', t.integer())).toBe(3)
    expect(parseValue('1', t.number())).toBe(1)
    expect(parseValue('false', t.boolean())).toBe(false)
    expect(parseValue("['a', 'b']", t.list(t.string()))).toEqual(['a', 'b'])
    expect(parseValue("{'a': 1, 'b': '2'}", t.dict(t.integer()))).toEqual({ a: 1, b: 2 })
  })
  it('parse/typed/ChatAdapter/bool_variants_yes', () => {
    expect(parseValue('0', t.integer())).toBe(0)
    expect(parseValue('0', t.number())).toBe(0)
    expect(parseValue('yes', t.boolean())).toBe(true)
    expect(parseValue('[]', t.list(t.string()))).toEqual([])
    expect(parseValue('{}', t.dict(t.integer()))).toEqual({})
  })
  it('parse/typed/ChatAdapter/tags_plain_text: prose is not a list', () => {
    expect(parseValue('True', t.boolean())).toBe(true)
    expect(parseValue('0.1', t.number())).toBe(0.1)
    const error = parseFailure('a, b', t.list(t.string()))
    expect(error.message).toBe("1 validation error for list[str]\nexpected list[str], got 'a, b' (string)")
    expect(error.typeName).toBe('list[str]')
  })
  it('parse/typed/JSONAdapter/well_formed: decoded values are validated as they are', () => {
    expect(parseValue(3, t.integer())).toBe(3)
    expect(parseValue(0.75, t.number())).toBe(0.75)
    expect(parseValue(true, t.boolean())).toBe(true)
    expect(parseValue(['person', 'place'], t.list(t.string()))).toEqual(['person', 'place'])
    expect(parseValue({ person: 2, place: 1 }, t.dict(t.integer()))).toEqual({ person: 2, place: 1 })
  })
  it('parse/typed/JSONAdapter/count_not_int', () => {
    expect(parseFailure('three', t.integer()).message).toBe("1 validation error for int\nexpected int, got 'three' (string)")
  })
  it('parse/sentiment_literal/ChatAdapter/wrong_case', () => {
    expect(parseFailure('Positive', Sentiment).message).toBe("'Positive' is not one of ('positive', 'negative', 'neutral')")
  })
  it('parse/sentiment_literal/XMLAdapter/exact', () => {
    expect(parseValue('positive', Sentiment)).toBe('positive')
  })
  it('parse/quoted_literals/ChatAdapter/double_quotes_value: text literals match, int literals do not', () => {
    expect(parseValue('say "hi"', Choice)).toBe('say "hi"')
    expect(parseFailure('3', Level).message).toBe("'3' is not one of (1, 2, 3)")
  })
  it('parse/quoted_literals/ChatAdapter/int_literal_bad', () => {
    expect(parseValue('plain', Choice)).toBe('plain')
    expect(parseFailure('4', Level).message).toBe("'4' is not one of (1, 2, 3)")
  })
  it('parse/quoted_literals/JSONAdapter/apostrophe', () => {
    expect(parseValue("it's", Choice)).toBe("it's")
    expect(parseValue(2, Level)).toBe(2)
  })
  it('parse/quoted_literals/JSONAdapter/level_as_string', () => {
    expect(parseFailure('2', Level).message).toBe("'2' is not one of (1, 2, 3)")
  })
  it('parse/enums/ChatAdapter/by_value: a text value matches a str enum, not an int enum', () => {
    expect(parseValue('green', Color)).toBe('green')
    expect(parseFailure('2', Priority).message).toBe('2 is not a valid name or value for the enum Priority')
  })
  it('parse/enums/ChatAdapter/by_name', () => {
    expect(parseValue('GREEN', Color)).toBe('green')
    expect(parseValue('HIGH', Priority)).toBe(3)
  })
  it('parse/enums/ChatAdapter/bad_value', () => {
    const error = parseFailure('purple', Color)
    expect(error.message).toBe('purple is not a valid name or value for the enum Color')
    expect(error.typeName).toBe('Color')
    expect((error.cause as ValueValidationError).issues).toEqual([{ path: '', expected: 'Color', got: "'purple' (string)" }])
  })
  it('parse/enums/JSONAdapter/by_value', () => {
    expect(parseValue('blue', Color)).toBe('blue')
    expect(parseValue(1, Priority)).toBe(1)
  })
  it('parse/person_model/ChatAdapter/code_fenced', () => {
    expect(parseValue('```json\n{"name": "Ada", "age": "36"}\n```', Person)).toEqual({
      name: 'Ada',
      age: 36,
      emails: [],
      address: null,
    })
  })
  it('parse/person_model/ChatAdapter/not_json', () => {
    const error = parseFailure('Ada, 36 years old', Person)
    expect(error.message).toBe("1 validation error for Person\nexpected Person, got 'Ada, 36 years old' (string)")
    expect(error.text).toBe('Ada, 36 years old')
  })
  it('parse/people_list/ChatAdapter/json_array', () => {
    expect(parseValue('[{"name": "Ada", "age": 36}, {"name": "Alan", "age": 41}]', t.list(Person))).toEqual([
      { name: 'Ada', age: 36, emails: [], address: null },
      { name: 'Alan', age: 41, emails: [], address: null },
    ])
  })
  it('parse/people_list/JSONAdapter/json_array', () => {
    const people = [
      { name: 'Ada', age: 36 },
      { name: 'Alan', age: 41 },
    ]
    expect(parseValue(people, t.list(Person))).toEqual([
      { name: 'Ada', age: 36, emails: [], address: null },
      { name: 'Alan', age: 41, emails: [], address: null },
    ])
  })
  it('parse/optional/ChatAdapter/all_present', () => {
    expect(parseValue('4', t.string())).toBe('4')
    expect(parseValue('easy', OptionalNotes)).toBe('easy')
    expect(parseValue('2', t.integer())).toBe(2)
  })
  it('parse/optional/ChatAdapter/notes_none_text: str | None keeps the text None', () => {
    expect(parseValue('None', OptionalNotes)).toBe('None')
  })
  it('parse/optional/ChatAdapter/notes_empty', () => {
    expect(parseValue('', OptionalNotes)).toBe('')
  })
  it('parse/optional/JSONAdapter/notes_null', () => {
    expect(parseValue(null, OptionalNotes)).toBeNull()
    expect(parseValue('4', t.string())).toBe('4')
    expect(parseValue(1, t.integer())).toBe(1)
  })
  it('parse/cot/ChatAdapter/well_formed', () => {
    expect(parseValue('17 * 3 = 51.', t.string())).toBe('17 * 3 = 51.')
  })
})

// Expected values below were checked against DSPy's parse_value with json_repair, ast and pydantic 2.13.
describe('parseValue: str', () => {
  it("is Python's str() of a non-string value", () => {
    expect(parseValue(4, t.string())).toBe('4')
    expect(parseValue(true, t.string())).toBe('True')
    expect(parseValue(null, t.string())).toBe('None')
    expect(parseValue([1, 'a'], t.string())).toBe("[1, 'a']")
    expect(parseValue({ a: 1.5 }, t.string())).toBe("{'a': 1.5}")
  })
  it('keeps text that looks like JSON', () => {
    expect(parseValue('[1, 2]', t.string())).toBe('[1, 2]')
  })
})

describe('parseValue: JSON, then Python literal, then raw text', () => {
  it('reads the examples of DSPy’s documentation', () => {
    expect(parseValue('42', t.integer())).toBe(42)
    expect(parseValue('true', t.boolean())).toBe(true)
    expect(parseValue('[1, 2]', t.list(t.integer()))).toEqual([1, 2])
    expect(parseValue("{'key': 'value'}", t.dict(t.string()))).toEqual({ key: 'value' })
    expect(parseValue('5', t.optional(t.integer()))).toBe(5)
    expect(parseValue('1_000', t.integer())).toBe(1000)
    expect(() => parseValue('{"name": "John"}', Person)).toThrow(ValueParseError)
  })
  it('uses Python literals when the text is not JSON-like', () => {
    expect(parseValue('1, 2, 3', t.list(t.integer()))).toEqual([1, 2, 3])
    expect(parseValue('(1, 2)', t.list(t.integer()))).toEqual([1, 2])
    expect(parseValue("(1, 'a')", t.tuple([t.integer(), t.string()]))).toEqual([1, 'a'])
    expect(parseValue('{1, 2, 2}', t.set(t.integer()))).toEqual([1, 2])
    expect(parseValue('42.', t.integer())).toBe(42)
    expect(parseValue('None', t.optional(t.integer()))).toBeNull()
    expect(parseValue('None', t.optional(Sentiment))).toBeNull()
  })
  it('finds JSON inside prose, as json_repair does', () => {
    expect(parseValue('The tags are [a, b]', t.list(t.string()))).toEqual(['a', 'b'])
    expect(parseValue('Here: {"a": 2}', t.model('M', { a: t.integer() }))).toEqual({ a: 2 })
    expect(parseValue('{"a": 1} {"a": 2}', t.model('M', { a: t.integer() }))).toEqual({ a: 2 })
  })
  it('keeps bare None inside repaired JSON as the text None, as json_repair does', () => {
    expect(parseValue("{'a': None}", t.dict(t.any()))).toEqual({ a: 'None' })
    expect(() => parseValue('[1, None]', t.list(t.optional(t.integer())))).toThrow(ValueParseError)
  })
  it('falls back to the raw text', () => {
    expect(parseValue('hello', t.any())).toBe('hello')
    expect(parseValue('', t.any())).toBe('')
    expect(parseValue('[1, 2]', t.any())).toEqual([1, 2])
    expect(parseValue('positive', t.optional(Sentiment))).toBe('positive')
    expect(() => parseValue('pos', t.optional(Sentiment))).toThrow(ValueParseError)
  })
  it('rejects text that only contains a value', () => {
    for (const [text, schema] of [
      ['The answer is 42', t.integer()],
      ['', t.integer()],
      ['abc', t.optional(t.integer())],
      ['False.', t.boolean()],
      ['- a\n- b', t.list(t.string())],
      ['[1, 2] and [3]', t.list(t.integer())],
    ] as const) {
      expect(() => parseValue(text, schema)).toThrow(ValueParseError)
    }
  })
  it('reads non-finite floats', () => {
    expect(parseValue('nan', t.number())).toBeNaN()
    expect(parseValue('-inf', t.number())).toBe(Number.NEGATIVE_INFINITY)
  })
})

describe('parseValue: unions with str and None keep the text', () => {
  it('validates the raw string', () => {
    expect(parseValue('5', t.union([t.integer(), t.string(), t.none()]))).toBe('5')
    expect(parseValue('[1]', t.optional(t.string()))).toBe('[1]')
  })
  it('reports an Optional with the inner type’s issue', () => {
    const error = parseFailure('abc', t.optional(t.integer()))
    expect(error.typeName).toBe('Union[int, NoneType]')
    expect(error.message).toBe("1 validation error for Union[int, NoneType]\nexpected int, got 'abc' (string)")
  })
})

describe('parseValue: Literal', () => {
  it('strips whitespace, a Literal[...] or str[...] wrapper and one pair of quotes', () => {
    expect(parseValue(" 'positive' ", Sentiment)).toBe('positive')
    expect(parseValue('"negative"', Sentiment)).toBe('negative')
    expect(parseValue("Literal['neutral']", Sentiment)).toBe('neutral')
    expect(parseValue('Literal["neutral"]', Sentiment)).toBe('neutral')
    expect(parseValue("str['positive']", Sentiment)).toBe('positive')
    expect(() => parseValue('\'positive"', Sentiment)).toThrow(ValueParseError)
  })
  it('compares non-string values with Python equality and prints them with repr', () => {
    expect(parseValue(true, t.literal(1))).toBe(true)
    expect(parseFailure(4, t.literal('a')).message).toBe("4 is not one of ('a',)")
    expect(parseFailure(null, Level).message).toBe('None is not one of (1, 2, 3)')
    expect(parseFailure("it's", Sentiment).message).toBe(`"it's" is not one of ('positive', 'negative', 'neutral')`)
  })
})

describe('parseValue: enum', () => {
  it('matches a decoded number by Python equality and prints other values with str()', () => {
    expect(parseValue(3.0, Priority)).toBe(3)
    expect(parseValue(true, Priority)).toBe(1)
    expect(parseFailure(null, Color).message).toBe('None is not a valid name or value for the enum Color')
  })
})

describe('parseValue: special types', () => {
  it('retries with the raw text when the decoded value does not fit', () => {
    expect(parseValue('42', specialTypeSchema('Code', 'python'))).toBe('42')
    expect(parseValue('x = [1, 2]', specialTypeSchema('Code', 'python'))).toBe('x = [1, 2]')
    expect(parseValue('Because [1] holds.', specialTypeSchema('Reasoning'))).toBe('Because [1] holds.')
    expect(parseValue('{"url": "https://x/a.png"}', specialTypeSchema('Image'))).toEqual({ url: 'https://x/a.png' })
  })
})

/** A value `depth` levels deep: `[[...[1]...]]`. */
function nestedList(depth: number): unknown {
  let value: unknown = 1
  for (let level = 0; level < depth; level += 1) value = [value]
  return value
}

describe('parseValue on hostile text and values', () => {
  const parseError = (action: () => unknown): ValueParseError => {
    try {
      action()
    } catch (error) {
      if (ValueParseError.isInstance(error)) return error
      throw error
    }
    throw new Error('expected a ValueParseError')
  }

  it('reads JSON nested 1,000 levels deep', () => {
    expect(parseValue(JSON.stringify(nestedList(999)), t.list(t.any()))).toEqual(nestedList(999))
  })

  it('refuses text nested 100,000 levels deep with a typed error naming the field type', () => {
    for (const text of ['['.repeat(100_000), `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '{"a": '.repeat(100_000)]) {
      const error = parseError(() => parseValue(text, t.list(t.integer())))
      expect(error.code).toBe('value-parse-too-deep')
      expect(error.typeName).toBe('list[int]')
      expect(error.value).toBe(text)
    }
  })

  it('keeps deep text as it is for a str field', () => {
    expect(parseValue('['.repeat(100_000), t.string())).toBe('['.repeat(100_000))
  })

  it('refuses a value too deep to print or check (100,000 levels, or one that contains itself), whatever the type', () => {
    const cyclic: unknown[] = []
    cyclic.push(cyclic)
    for (const value of [nestedList(100_000), cyclic]) {
      for (const schema of [t.string(), t.list(t.integer()), t.literal('a'), t.enum('Color', { RED: 'red' })]) {
        expect(parseError(() => parseValue(value, schema)).code).toBe('value-parse-too-deep')
      }
    }
  })

  it('lists the first 1,000 issues of a reply with hundreds of thousands of bad items, counting the rest', () => {
    const error = parseError(() => parseValue(`[${'"x", '.repeat(300_000)}"x"]`, t.list(t.integer())))
    expect(error.code).toBe('value-parse')
    expect((error.cause as ValueValidationError).issues).toHaveLength(1000)
    expect(error.message.split('\n').at(-1)).toBe('... and 299001 more')
    expect(error.message.startsWith('300001 validation errors for list[int]')).toBe(true)
  })

  it('reads a float from a million digits in linear time', () => {
    expect(parseError(() => parseValue(`${'1'.repeat(1_000_000)}x`, t.number())).code).toBe('value-parse')
    expect(ValueSerializationError.isInstance(new Error())).toBe(false)
  })
})
