import { describe, expect, it } from 'vitest'
import { ValueParseError } from './errors/value-parse-error.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { jsonTextNestsDeeperThan, maxNestingDepth, mayNestDeeperThan, tooDeepToParse, tooDeepToWrite } from './nesting-depth.js'

const nested = (depth: number, open = '[', close = ']'): string => open.repeat(depth) + close.repeat(depth)

describe('maxNestingDepth', () => {
  it("is Python's recursion limit", () => {
    expect(maxNestingDepth).toBe(1000)
  })
})

describe('jsonTextNestsDeeperThan', () => {
  it('counts the brackets JSON opens, up to the limit and past it', () => {
    expect(jsonTextNestsDeeperThan(nested(1000))).toBe(false)
    expect(jsonTextNestsDeeperThan(nested(1001))).toBe(true)
    expect(jsonTextNestsDeeperThan('{"a":'.repeat(100_000))).toBe(true)
    expect(jsonTextNestsDeeperThan(`[${'[1], '.repeat(5000)}[1]]`)).toBe(false)
  })

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(jsonTextNestsDeeperThan(`["${'['.repeat(5000)}"]`)).toBe(false)
    expect(jsonTextNestsDeeperThan(`["\\"${'['.repeat(5000)}"]`)).toBe(false)
    expect(jsonTextNestsDeeperThan(`["\\\\"${'['.repeat(5000)}`)).toBe(true)
  })

  it('reads 100,000 levels in linear time', () => {
    expect(jsonTextNestsDeeperThan(nested(100_000, '{"a":', '}'))).toBe(true)
    expect(mayNestDeeperThan('x'.repeat(5000))).toBe(false)
    expect(mayNestDeeperThan('[{'.repeat(501))).toBe(true)
  })
})

describe('the too-deep errors', () => {
  it('are typed, with their codes', () => {
    const parse = tooDeepToParse('[[[', 'list[int]')
    expect(ValueParseError.isInstance(parse)).toBe(true)
    expect(parse).toMatchObject({ code: 'value-parse-too-deep', typeName: 'list[int]', text: '[[[' })
    expect(tooDeepToParse([[1]], 'Any').text).toBe('a value nested more than 1000 levels deep')
    const write = tooDeepToWrite(`/${'0/'.repeat(1000)}0`)
    expect(ValueSerializationError.isInstance(write)).toBe(true)
    expect(write.code).toBe('value-serialization-too-deep')
    expect(write.message).toContain('/0/0/0/...(995 more)/0/0/0')
  })
})
