import { describe, expect, it } from 'vitest'
import { cleandoc } from './cleandoc.js'

describe('cleandoc', () => {
  it('removes the common indentation of lines after the first, keeping relative indentation', () => {
    const docstring =
      'Summarize the document.\n\n    Keep the summary under three sentences.\n        This line is indented relative to the others.\n    Do not invent facts.\n    '
    expect(cleandoc(docstring)).toBe(
      'Summarize the document.\n\nKeep the summary under three sentences.\n    This line is indented relative to the others.\nDo not invent facts.',
    )
  })

  it('drops leading and trailing blank lines and leading space of the first line', () => {
    expect(cleandoc('\n\n   Answer.\n   Be brief.\n\n')).toBe('Answer.\nBe brief.')
    expect(cleandoc('  one line  ')).toBe('one line  ')
    expect(cleandoc('')).toBe('')
  })

  it('expands tabs to 8 columns before measuring indentation', () => {
    expect(cleandoc('a\n\tb\n        c')).toBe('a\nb\nc')
  })

  it('ignores whitespace-only lines when measuring the margin', () => {
    expect(cleandoc('a\n    b\n  \n    c')).toBe('a\nb\n\nc')
  })
})
