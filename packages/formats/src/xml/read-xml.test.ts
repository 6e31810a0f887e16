import { describe, expect, it } from 'vitest'
import { XMLSyntaxError } from '../errors/xml-syntax-error.js'
import { readXML } from './read-xml.js'
import { type XMLElement, xmlElementToString } from './xml-element.js'

const wrap = (text: string): XMLElement => readXML(`<dspy_root>${text}</dspy_root>`)

function syntaxError(text: string): string {
  try {
    wrap(text)
  } catch (error) {
    if (XMLSyntaxError.isInstance(error)) return error.message
    throw error
  }
  throw new Error('expected an XMLSyntaxError')
}

describe('readXML', () => {
  // Each message below is what Python's ElementTree (expat) reports for `<dspy_root>{text}</dspy_root>`.
  it.each([
    ['<answer>A & B</answer>', 'not well-formed (invalid token): line 1, column 22'],
    ['<answer>Paris', 'mismatched tag: line 1, column 26'],
    ['a < b', 'not well-formed (invalid token): line 1, column 14'],
    ['<a b>x</a>', 'not well-formed (invalid token): line 1, column 15'],
    ['<a b="1" b="2"/>', 'duplicate attribute: line 1, column 20'],
    ['&foo;', 'undefined entity: line 1, column 11'],
    ['&amp', 'not well-formed (invalid token): line 1, column 15'],
    ['&#xZZ;', 'not well-formed (invalid token): line 1, column 14'],
    ['<?xml version="1.0"?><a/>', 'XML or text declaration not at start of entity: line 1, column 11'],
    ['<a>x</b>', 'mismatched tag: line 1, column 17'],
    ['<a', 'not well-formed (invalid token): line 1, column 13'],
    ['<a/ >', 'not well-formed (invalid token): line 1, column 14'],
    ['<![CDATA[x', 'unclosed CDATA section: line 1, column 33'],
    ['x ]]> y', 'not well-formed (invalid token): line 1, column 15'],
    ['<a x=1/>', 'not well-formed (invalid token): line 1, column 16'],
    ['\x01', 'not well-formed (invalid token): line 1, column 11'],
    ['<a>\n  <b>\n</a>', 'mismatched tag: line 3, column 2'],
    ['<!DOCTYPE x>', 'not well-formed (invalid token): line 1, column 13'],
    ['&#0;', 'reference to invalid character number: line 1, column 11'],
    ['<1a/>', 'not well-formed (invalid token): line 1, column 12'],
    ['<a:b/>', 'unbound prefix: line 1, column 11'],
    ['<a>é & b</a>', 'not well-formed (invalid token): line 1, column 17'],
    ['<a\n>', 'mismatched tag: line 2, column 3'],
    ['<!-- x', 'unclosed token: line 1, column 11'],
    ['<!-- a -- b -->', 'not well-formed (invalid token): line 1, column 20'],
    ['<a href="x<y"/>', 'not well-formed (invalid token): line 1, column 21'],
    ['<a href="x&y"/>', 'not well-formed (invalid token): line 1, column 23'],
    ['<?XML x?>', 'not well-formed (invalid token): line 1, column 16'],
  ])('reports %j as expat does', (text, message) => {
    expect(syntaxError(text)).toBe(message)
  })

  it('keeps text and tails as ElementTree does, dropping comments and processing instructions', () => {
    const root = wrap('<a>x<!--c-->y<b/>z<?p?>w</a>')
    const a = root.children[0] as XMLElement
    expect(a.text).toBe('xy')
    expect(a.children[0]).toMatchObject({ tag: 'b', text: null, tail: 'zw' })
    expect(root.text).toBeNull()
  })

  it('decodes entities, CDATA and line breaks, and normalises attribute whitespace', () => {
    const root = wrap('<a b="l1\nl2\tx" c=\'&amp;&lt;\'>&lt;b&gt;&#60;&#x41;<![CDATA[<raw> & ]]>a\r\nb\rc</a>')
    const a = root.children[0] as XMLElement
    expect(Object.fromEntries(a.attributes)).toEqual({ b: 'l1 l2 x', c: '&<' })
    expect(a.text).toBe('<b><A<raw> & a\nb\nc')
  })

  it('resolves namespaces into {uri}local names', () => {
    const root = wrap('<x:a xmlns:x="u"><b/></x:a><c xmlns="d"><e/></c>')
    expect(root.children.map((child) => child.tag)).toEqual(['{u}a', '{d}c'])
    expect(root.children[0]?.children[0]?.tag).toBe('b')
    expect(root.children[1]?.children[0]?.tag).toBe('{d}e')
  })
})

describe('xmlElementToString', () => {
  it('writes an element back as ElementTree.tostring does, tail included', () => {
    const note = wrap('<note a="1&quot;">x<br/>y<i k="v">it &amp; &gt;</i>!</note>tail').children[0] as XMLElement
    expect(note.children.map(xmlElementToString).join('')).toBe('<br />y<i k="v">it &amp; &gt;</i>!')
    expect(xmlElementToString(note)).toBe('<note a="1&quot;">x<br />y<i k="v">it &amp; &gt;</i>!</note>tail')
  })

  it('declares namespaces with ns prefixes', () => {
    const element = wrap('<a xmlns="urn:d"><b/></a>').children[0] as XMLElement
    expect(xmlElementToString(element)).toBe('<ns0:a xmlns:ns0="urn:d"><ns0:b /></ns0:a>')
  })
})

describe('readXML on hostile documents', () => {
  it('scopes namespace declarations to their element, self-closing ones included', () => {
    const root = wrap('<a xmlns:p="one"><p:b/><c xmlns:p="two"><p:d/></c><p:e/><f xmlns:p="three"/><p:g/></a>')
    const a = root.children[0] as XMLElement
    expect(a.children.map((child) => child.tag)).toEqual(['{one}b', 'c', '{one}e', 'f', '{one}g'])
    expect(a.children[1]?.children[0]?.tag).toBe('{two}d')
    expect(syntaxError('<a><p:b xmlns:p="x"/><p:c/></a>')).toBe('unbound prefix: line 1, column 32')
  })

  it('refuses elements nested deeper than its limit with the code xml-too-deep', () => {
    expect(readXML(`${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`).tag).toBe('a')
    try {
      readXML(`${'<a>'.repeat(1001)}`)
      throw new Error('expected an XMLSyntaxError')
    } catch (error) {
      if (!XMLSyntaxError.isInstance(error)) throw error
      expect(error).toMatchObject({ code: 'xml-too-deep', reason: 'elements nested more than 1000 levels deep', line: 1, column: 3000 })
    }
    expect(() => readXML('<a><b><c/></b></a>', 2)).toThrow('elements nested more than 2 levels deep')
  })
})
