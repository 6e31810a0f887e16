import { readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { errorClassProblems } from './__fixtures__/error-class-problems.js'
import { describeQuota, QuotaError, useQuota } from './__fixtures__/quota-error.js'
import { DSPexError } from './index.js'

describe('the README example', () => {
  it('is printed in the README exactly as it is tested', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const source = readFileSync(new URL('./__fixtures__/quota-error.ts', import.meta.url), 'utf8')
    const block = readme.split('<!-- example: src/__fixtures__/quota-error.ts -->\n```ts\n')[1]?.split('\n```\n')[0]
    expect(`${block}\n`).toBe(source.replace("from '../index.js'", "from '@dspex/core'"))
  })

  it('runs as the README says: the caller branches on the class and the code', () => {
    expect(describeQuota(1, 10)).toBe('2 of 10 calls used.')
    expect(describeQuota(10, 10)).toBe(
      'Over the quota of 10: {"name":"QuotaError","code":"quota-exceeded","message":"Call 11 is over the quota of 10.","limit":10}',
    )
    expect(() => describeQuota(0, 1.5)).toThrow(QuotaError)
  })

  it('follows the rule it illustrates', () => {
    expect(errorClassProblems(QuotaError, { message: 'Over.', code: 'quota-exceeded', limit: 10 })).toEqual([])
    let thrown: unknown
    try {
      useQuota(10, 10)
    } catch (error) {
      thrown = error
    }
    expect(DSPexError.isInstance(thrown)).toBe(true)
    expect(inspect(thrown).split('\n')[0]).toBe('QuotaError [quota-exceeded]: Call 11 is over the quota of 10.')
    expect(inspect(thrown)).toMatch(/\n {4}at useQuota .*\n[\s\S]*\{\n {2}limit: 10\n\}$/)
  })
})
