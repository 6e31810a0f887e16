import { describe, expect, it } from 'vitest'
import { RepairOutput } from './repair-output.js'

/** An output over `source` with `copies` (ranges) and texts written in turn. */
function written(source: string, parts: readonly (string | readonly [number, number])[]): RepairOutput {
  const output = new RepairOutput(source)
  for (const part of parts) {
    if (typeof part === 'string') output.push(part)
    else output.copy(part[0], part[1])
  }
  return output
}

describe('RepairOutput', () => {
  it('writes copies of the source and its own text in order, and counts them', () => {
    const output = written('[1, 2', [[0, 3], [3, 5], ']'])
    expect(output.toString()).toBe('[1, 2]')
    expect(output.length).toBe(6)
  })

  it('goes back to an earlier length, inside a piece too', () => {
    const output = written('abcdef', [[0, 3], 'XY', [3, 6]])
    output.truncate(4)
    expect(output.toString()).toBe('abcX')
    output.truncate(0)
    expect(output.toString()).toBe('')
  })

  it('puts text before the trailing whitespace, however it was written', () => {
    const output = new RepairOutput('[1  \n')
    output.copy(0, 2)
    output.copyWhitespace(2, 5)
    output.insertBeforeTrailingWhitespace(']')
    output.insertBeforeTrailingWhitespace('}')
    expect(output.toString()).toBe('[1]}  \n')
    const quoted = written('', ['"abc  '])
    quoted.insertBeforeTrailingWhitespace('"')
    expect(quoted.toString()).toBe('"abc"  ')
  })

  it('drops the last comma, and everything from the last quote', () => {
    const output = written('[1, 2,', [[0, 6], ' '])
    output.stripLast(',')
    expect(output.toString()).toBe('[1, 2 ')
    const strings = written('', ['"a"', ' ', '"b"  '])
    strings.stripFromLast('"')
    expect(strings.toString()).toBe('"a" "b')
    expect(strings.length).toBe(6)
  })

  it('removes one character at a position', () => {
    const output = written('"a""b"', [
      [0, 3],
      [3, 6],
    ])
    output.removeCharacterAt(3)
    expect(output.toString()).toBe('"a"b"')
  })

  it('tells whether it ends with a comma or a line break', () => {
    expect(written('[1,  ', [[0, 5]]).endsWithCommaOrNewline()).toBe(true)
    expect(written('1\n\t', [[0, 3]]).endsWithCommaOrNewline()).toBe(true)
    expect(written('[1 ', [[0, 3]]).endsWithCommaOrNewline()).toBe(false)
  })

  it('wraps what it wrote', () => {
    const output = written('1\n2', [[0, 3]])
    output.wrap('[\n', '\n]')
    expect(output.toString()).toBe('[\n1\n2\n]')
  })

  it('edits text written thousands of pieces back, once it is joined', () => {
    const output = new RepairOutput('')
    output.push(',x')
    for (let index = 0; index < 5000; index += 1) output.push('y')
    output.stripLast(',')
    expect(output.toString()).toBe(`x${'y'.repeat(5000)}`)
    output.removeCharacterAt(0)
    output.truncate(10)
    expect(output.toString()).toBe('y'.repeat(10))
    const spaced = new RepairOutput('')
    spaced.push('[1')
    for (let index = 0; index < 5000; index += 1) spaced.push(' ')
    spaced.insertBeforeTrailingWhitespace(']')
    expect(spaced.toString()).toBe(`[1]${' '.repeat(5000)}`)
  })

  it('puts 100,000 closing brackets before 1 MB of trailing whitespace in linear time', () => {
    const source = `${'['.repeat(100_000)}${' '.repeat(1 << 20)}`
    const output = new RepairOutput(source)
    output.copy(0, 100_000)
    output.copyWhitespace(100_000, source.length)
    for (let index = 0; index < 100_000; index += 1) output.insertBeforeTrailingWhitespace(']')
    const text = output.toString()
    expect(text.length).toBe(source.length + 100_000)
    expect(text.slice(0, 200_000)).toBe(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
  })
})
