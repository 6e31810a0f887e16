import { describe, expect, it } from 'vitest'
import { parseFieldSections } from './parse-field-sections.js'

describe('parseFieldSections', () => {
  it('cuts a completion at headers, keeping text after a header on its line', () => {
    expect(parseFieldSections('preamble\n[[ ## answer ## ]] inline start\nsecond line\n\n[[ ## n ## ]]\n1_000\n')).toEqual([
      { name: undefined, text: 'preamble' },
      { name: 'answer', text: 'inline start\nsecond line' },
      { name: 'n', text: '1_000' },
    ])
  })

  it('keeps repeated headers in order (the adapter takes the first)', () => {
    expect(parseFieldSections('[[ ## a ## ]]\n1\n[[ ## a ## ]]\n2').map((section) => section.text)).toEqual(['', '1', '2'])
  })

  it('reproduces DSPy slicing an indented header line at the stripped offset', () => {
    expect(parseFieldSections('   [[ ## answer ## ]]   \n  Paris  \n')[1]).toEqual({ name: 'answer', text: ']]\n  Paris' })
  })

  it('reads Unicode word characters in names and ignores headers that do not start the line', () => {
    expect(parseFieldSections('[[ ## réponse ## ]]\noui')[1]?.name).toBe('réponse')
    expect(parseFieldSections('x [[ ## a ## ]] y')).toEqual([{ name: undefined, text: 'x [[ ## a ## ]] y' }])
    expect(parseFieldSections('[[ ## the answer ## ]]\nParis')).toEqual([{ name: undefined, text: '[[ ## the answer ## ]]\nParis' }])
  })
})
