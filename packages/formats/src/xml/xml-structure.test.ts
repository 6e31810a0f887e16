import { describeType, t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { usesNestedXml, valueToXml, xmlSchemaText } from './xml-structure.js'

const Address = t.model('Address', { street: t.string(), city: t.string() })
const Person = t.model('Person', { name: t.string(), age: t.integer(), tags: t.withDefault(t.list(t.string()), []), address: t.optional(Address) })

describe('usesNestedXml', () => {
  it('is true for lists, dicts and models, Optional or not, but not for special types, sets or tuples', () => {
    expect(usesNestedXml(describeType(t.list(t.string())))).toBe(true)
    expect(usesNestedXml(describeType(t.optional(t.dict(t.integer()))))).toBe(true)
    expect(usesNestedXml(describeType(Person))).toBe(true)
    expect(usesNestedXml(describeType(t.list(t.image())))).toBe(false)
    expect(usesNestedXml(describeType(t.set(t.string())))).toBe(false)
    expect(usesNestedXml(describeType(t.tuple([t.integer()])))).toBe(false)
    expect(usesNestedXml(describeType(t.union([t.list(t.string()), t.integer()])))).toBe(false)
    expect(usesNestedXml(describeType(t.string()))).toBe(false)
  })
})

describe('xmlSchemaText', () => {
  it('writes the skeleton of lists, models and references', () => {
    expect(xmlSchemaText('tags', describeType(t.list(t.string())))).toBe('<tags><item>...</item></tags>')
    expect(xmlSchemaText('counts', describeType(t.dict(t.integer())))).toBe('<counts>...</counts>')
    expect(xmlSchemaText('people', describeType(t.list(Person)))).toBe(
      '<people><item><name>...</name><age>...</age><tags><item>...</item></tags><address><street>...</street><city>...</city></address></item></people>',
    )
  })
})

describe('valueToXml', () => {
  it('writes items, identifier keys as tags, other keys as entries, and empty values as self-closing tags', () => {
    expect(valueToXml({ 'a-b': [1, 2], 'c.d': [], '1x': 'v & <w>', ok: null, 'x y': true }, 'mapping')).toBe(
      '<mapping><a-b><item>1</item><item>2</item></a-b><c.d /><entry key="1x">v &amp; &lt;w></entry><ok /><entry key="x y">True</entry></mapping>',
    )
  })

  it('prints floats as Python does and quotes keys as quoteattr does', () => {
    expect(valueToXml([1], 'scores', new Set(['/0']))).toBe('<scores><item>1.0</item></scores>')
    expect(valueToXml({ 'say "hi"': 1, 'it\'s "x"': 2 }, 'm')).toBe(
      '<m><entry key=\'say "hi"\'>1</entry><entry key="it\'s &quot;x&quot;">2</entry></m>',
    )
  })
})
