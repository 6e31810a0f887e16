import { InputField, OutputField, Signature } from '@dspex/signatures'
import { t, type ValueParseError } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import type { AdapterParseError } from './errors/adapter-parse-error.js'
import { AdapterParseError as AdapterParseErrorClass } from './errors/adapter-parse-error.js'
import { XMLSyntaxError } from './errors/xml-syntax-error.js'
import { XMLAdapter } from './xml-adapter.js'

const Person = t.model('Person', { name: t.string(), age: t.integer(), emails: t.withDefault(t.list(t.string()), []) })
const extract = Signature.create({
  instructions: 'Extract.',
  fields: {
    text: InputField(t.string()),
    people: OutputField(t.list(Person)),
    mapping: OutputField(t.dict(t.list(t.integer()))),
    note: OutputField(t.string()),
    best: OutputField(t.optional(Person)),
  },
})

describe('XMLAdapter.format', () => {
  it('shows nested structures for list, dict and model outputs and asks for them', () => {
    const [system, user] = new XMLAdapter().format(extract, [], { text: 'x & <y>' })
    expect(system?.content).toContain(
      '<text>\n{text}\n</text>\n\n<people><item><name>...</name><age>...</age><emails><item>...</item></emails></item></people>\n\n<mapping>...</mapping>\n\n<note>\n{note}\n</note>\n\n<best><name>...</name><age>...</age><emails><item>...</item></emails></best>\nIn adhering',
    )
    expect(user?.content).toBe(
      '<text>\nx & <y>\n</text>\n\nRespond with the corresponding output fields wrapped in XML tags `<people>`, then `<mapping>`, then `<note>`, then `<best>`. Use this nested XML structure: <people><item><name>...</name><age>...</age><emails><item>...</item></emails></item></people> <mapping>...</mapping> <best><name>...</name><age>...</age><emails><item>...</item></emails></best>',
    )
  })

  it('writes demo outputs as nested XML and escapes str outputs', () => {
    const demo = { text: 't', people: [{ name: 'A & B', age: 3 }], mapping: { 'k-1': [1] }, note: '1 < 2 & 3', best: null }
    const messages = new XMLAdapter().format(extract, [demo], { text: 'y' })
    expect(messages[2]?.content).toBe(
      '<people><item><name>A &amp; B</name><age>3</age><emails /></item></people>\n\n<mapping><k-1><item>1</item></k-1></mapping>\n\n<note>\n1 &lt; 2 &amp; 3\n</note>\n\n<best>\nNone\n</best>',
    )
  })
})

describe('XMLAdapter.parse', () => {
  it('reads nested XML guided by each field’s schema', () => {
    const completion =
      '<people><item><name>Ada</name><age>36</age><emails><item>a@x</item></emails></item><item><name>Bob</name><age>2</age></item></people>' +
      '<mapping><a><item>1</item><item>2</item></a><entry key="x y"><item>3</item></entry></mapping><note>A &amp; B</note><best></best>'
    expect(new XMLAdapter().parse(extract, completion)).toEqual({
      people: [
        { name: 'Ada', age: 36, emails: ['a@x'] },
        { name: 'Bob', age: 2, emails: [] },
      ],
      mapping: { a: [1, 2], 'x y': [3] },
      note: 'A & B',
      best: null,
    })
  })

  it('keeps inner markup of a str field and joins repeated tags', () => {
    const signature = Signature.parse('q -> note, answer')
    expect(new XMLAdapter().parse(signature, '<note><b>bold</b> text</note><answer>a</answer><answer>b</answer>')).toEqual({
      note: '<b>bold</b> text',
      answer: "['a', 'b']",
    })
  })

  it('reports XML that is not well-formed as expat does', () => {
    const error = catchError(() => new XMLAdapter().parse(Signature.parse('q -> answer'), '<answer>A & B</answer>')) as AdapterParseError
    expect(error.message).toBe(
      'Failed to parse XML: not well-formed (invalid token): line 1, column 22\n\nAdapter XMLAdapter failed to parse the LM response. \n\nLM Response: <answer>A & B</answer> \n\nExpected to find output fields in the LM response: [answer] \n\n',
    )
    expect(XMLSyntaxError.isInstance(error.cause)).toBe(true)
  })

  it('names the field that does not fit, with its FieldInfo as DSPy prints it', () => {
    const signature = Signature.parse('q -> answer, confidence: float')
    const error = catchError(() => new XMLAdapter().parse(signature, '<answer>Paris</answer><confidence>high</confidence>')) as AdapterParseError
    expect(error.fieldName).toBe('confidence')
    expect(error.message).toMatch(
      /^Failed to parse field annotation=float required=True json_schema_extra=\{'__dspy_field_type': 'output', 'prefix': 'Confidence:', 'desc': '\$\{confidence\}'\} with value high: /,
    )
  })
})

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('XMLAdapter on hostile replies', () => {
  const qa = Signature.parse('question -> answer')
  const typed = Signature.parse('question -> answer: list[int]')
  const parseError = (signature: typeof qa, reply: string): AdapterParseError => {
    try {
      new XMLAdapter().parse(signature, reply)
    } catch (error) {
      if (AdapterParseErrorClass.isInstance(error)) return error
      throw error
    }
    throw new Error('expected an AdapterParseError')
  }

  it('refuses elements nested 100,000 levels deep (closed or not) with a typed error carrying the whole reply', () => {
    for (const reply of [`<answer>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</answer>`, `<answer>${'<a>'.repeat(100_000)}`]) {
      const error = parseError(qa, reply)
      expect(error.lmResponse).toBe(reply)
      expect(error.message.startsWith('Failed to parse XML: elements nested more than 1000 levels deep')).toBe(true)
      expect((error.cause as XMLSyntaxError).code).toBe('xml-too-deep')
    }
  })

  it('reads elements nested 990 levels deep', () => {
    const reply = `<answer>${'<a>'.repeat(990)}x${'</a>'.repeat(990)}</answer>`
    expect(new XMLAdapter().parse(qa, reply).answer).toBe(`${'<a>'.repeat(990)}x${'</a>'.repeat(990)}`)
  })

  it('refuses JSON nested 100,000 levels deep in a typed field, the ValueParseError as cause', () => {
    const reply = `<answer>${'['.repeat(100_000)}</answer>`
    const error = parseError(typed, reply)
    expect(error).toMatchObject({ lmResponse: reply, fieldName: 'answer' })
    expect((error.cause as ValueParseError).code).toBe('value-parse-too-deep')
  })

  it('reads 1 MB of tags or namespace declarations in linear time', () => {
    const started = performance.now()
    for (const reply of ['<answer>'.repeat(130_000), '<a xmlns:p="u">'.repeat(70_000), `<answer>${'<p:a xmlns:p="u"/>'.repeat(55_000)}</answer>`]) {
      try {
        new XMLAdapter().parse(qa, reply)
      } catch (error) {
        if (!AdapterParseErrorClass.isInstance(error)) throw error
        expect(error.lmResponse).toBe(reply)
      }
    }
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
