import { describeType, t } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { usesNestedXML, valueToXML, xmlSchemaText } from './xml-structure.js'

const Address = t.model('Address', { street: t.string(), city: t.string() })
const Person = t.model('Person', { name: t.string(), age: t.integer(), tags: t.withDefault(t.list(t.string()), []), address: t.optional(Address) })

describe('usesNestedXML', () => {
  it('is true for lists, dicts and models, Optional or not, but not for special types, sets or tuples', () => {
    expect(usesNestedXML(describeType(t.list(t.string())))).toBe(true)
    expect(usesNestedXML(describeType(t.optional(t.dict(t.integer()))))).toBe(true)
    expect(usesNestedXML(describeType(Person))).toBe(true)
    expect(usesNestedXML(describeType(t.list(t.image())))).toBe(false)
    expect(usesNestedXML(describeType(t.set(t.string())))).toBe(false)
    expect(usesNestedXML(describeType(t.tuple([t.integer()])))).toBe(false)
    expect(usesNestedXML(describeType(t.union([t.list(t.string()), t.integer()])))).toBe(false)
    expect(usesNestedXML(describeType(t.string()))).toBe(false)
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

describe('valueToXML', () => {
  it('writes items, identifier keys as tags, other keys as entries, and empty values as self-closing tags', () => {
    expect(valueToXML({ 'a-b': [1, 2], 'c.d': [], '1x': 'v & <w>', ok: null, 'x y': true }, 'mapping')).toBe(
      '<mapping><a-b><item>1</item><item>2</item></a-b><c.d /><entry key="1x">v &amp; &lt;w></entry><ok /><entry key="x y">True</entry></mapping>',
    )
  })

  it('prints floats as Python does and quotes keys as quoteattr does', () => {
    expect(valueToXML([1], 'scores', new Set(['/0']))).toBe('<scores><item>1.0</item></scores>')
    expect(valueToXML({ 'say "hi"': 1, 'it\'s "x"': 2 }, 'm')).toBe(
      '<m><entry key=\'say "hi"\'>1</entry><entry key="it\'s &quot;x&quot;">2</entry></m>',
    )
  })
})
