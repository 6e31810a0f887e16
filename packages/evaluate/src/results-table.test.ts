import { describe, expect, it } from 'vitest'
import { columnsOf, formatResultsTable, truncateCell } from './results-table.js'

describe('truncateCell', () => {
  it('keeps 25 words and adds ... when there are more', () => {
    const words = Array.from({ length: 30 }, (_, index) => `w${index}`)
    expect(truncateCell(words.join(' '))).toBe(`${words.slice(0, 25).join(' ')}...`)
    expect(truncateCell(words.slice(0, 25).join('  '))).toBe(words.slice(0, 25).join('  '))
    expect(truncateCell(1.5)).toBe('1.5')
    expect(truncateCell(['a', 'b'])).toBe('["a","b"]')
    expect(truncateCell(undefined)).toBe('')
  })
})

describe('formatResultsTable', () => {
  const rows = [
    { question: 'What is 1+1?', example_answer: '2', pred_answer: '2', answer_exact_match: 1 },
    { question: 'What is 3+3?', example_answer: '-1', pred_answer: '6\nsix', answer_exact_match: 0.5 },
    { question: 'Why?', answer: 'because', answer_exact_match: true },
  ]

  it("aligns the columns and styles the metric column DSPy's way", () => {
    expect(formatResultsTable(rows, 'answer_exact_match')).toBe(
      [
        '   question      example_answer  pred_answer  answer_exact_match  answer',
        '0  What is 1+1?  2               2            ✔️ [1.000]',
        '1  What is 3+3?  -1              6 six        ✔️ [0.500]',
        '2  Why?                                       ✔️ [True]           because',
        '',
      ].join('\n'),
    )
  })

  it('shows the first n rows and tells how many were left out', () => {
    const text = formatResultsTable(rows, 'answer_exact_match', { maxRows: 1 })
    expect(text.split('\n')).toHaveLength(4)
    expect(text.endsWith('... 2 more rows not displayed ...\n')).toBe(true)
    expect(formatResultsTable(rows, 'answer_exact_match', { maxRows: 5 })).not.toContain('more rows')
  })
})

describe('columnsOf', () => {
  it('lists every key in the order first met', () => {
    expect(
      columnsOf([
        { a: 1, b: 2 },
        { c: 3, a: 4 },
      ]),
    ).toEqual(['a', 'b', 'c'])
  })
})
