import { describe, expect, it } from 'vitest'
import { TextBuilder } from './text-builder.js'

describe('TextBuilder', () => {
  it('builds text from pieces, few or many, and can start again', () => {
    const text = new TextBuilder()
    text.add('a')
    text.add('bc')
    expect(text.length).toBe(3)
    expect(text.toString()).toBe('abc')
    for (let index = 0; index < 10_000; index += 1) text.add(String(index % 10))
    expect(text.toString()).toBe(`abc${'0123456789'.repeat(1000)}`)
    expect(text.toString()).toBe(`abc${'0123456789'.repeat(1000)}`)
    text.reset()
    expect(text.toString()).toBe('')
    expect(text.length).toBe(0)
  })
})
