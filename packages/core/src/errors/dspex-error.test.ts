import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { errorClassProblems } from '../__fixtures__/error-class-problems.js'
import { DSPexError } from './dspex-error.js'

type ShelfErrorCode = 'shelf-full' | 'shelf-missing'

/** A subclass as every DSPex error is written: its own marker, a narrowed code, a typed field. */
class ShelfError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.test-shelf')
  declare readonly code: ShelfErrorCode
  readonly shelf: string

  constructor(options: { message: string; code: ShelfErrorCode; shelf: string; cause?: unknown }) {
    super(options)
    this.shelf = options.shelf
  }
}

class BookError extends DSPexError {
  static override readonly marker: symbol = Symbol.for('dspex.error.test-book')
}

/** A subclass that forgot its marker. */
class ForgetfulError extends ShelfError {}

describe('DSPexError', () => {
  it('carries a message, a required code, a cause and its class name', () => {
    const cause = new Error('root')
    const error = new DSPexError({ message: 'bad', code: 'bad-thing', cause })
    expect(error).toMatchObject({ message: 'bad', code: 'bad-thing', cause, name: 'DSPexError' })
    expect(Object.keys(error)).toEqual(['code'])
    // @ts-expect-error: the code is required
    expect(() => new DSPexError({ message: 'x' })).toThrow(
      new TypeError('DSPexError was constructed without a code: every DSPex error needs a stable, non-empty code.'),
    )
    expect(() => new DSPexError({ message: 'x', code: '' })).toThrow(TypeError)
  })

  it('passes the shared error test, as a root and as a subclass', () => {
    expect(errorClassProblems(DSPexError, { message: 'bad', code: 'bad-thing' })).toEqual([])
    expect(errorClassProblems(ShelfError, { message: 'full', code: 'shelf-full', shelf: 'A1', cause: new Error('root') })).toEqual([])
    expect(errorClassProblems(BookError, { message: 'gone', code: 'book-missing' })).toEqual([])
  })

  it('rejects a subclass without its own marker when it is constructed, and never matches a base with it', () => {
    expect(() => new ForgetfulError({ message: 'x', code: 'shelf-full', shelf: 'A1' })).toThrow(
      new TypeError(
        "ForgetfulError declares no marker of its own: add `static override readonly marker = Symbol.for('dspex.error.<kebab-name>')` to it, so isInstance and instanceof do not mistake its base for it.",
      ),
    )
    const base = new ShelfError({ message: 'x', code: 'shelf-full', shelf: 'A1' })
    expect(ForgetfulError.isInstance(base)).toBe(false)
    expect(base instanceof ForgetfulError).toBe(false)
    expect(errorClassProblems(ForgetfulError, { message: 'x', code: 'shelf-full', shelf: 'A1' })).toEqual([
      'ForgetfulError declares no static marker of its own.',
    ])
  })

  it('rejects a marker that is a base marker or not from Symbol.for', () => {
    class Copycat extends ShelfError {
      static override readonly marker: symbol = ShelfError.marker
    }
    class Local extends ShelfError {
      static override readonly marker: symbol = Symbol('dspex.error.local')
    }
    const options = { message: 'x', code: 'shelf-full', shelf: 'A1' } as const
    expect(() => new Copycat(options)).toThrow(/Copycat reuses the marker Symbol\(dspex.error.test-shelf\) of its base ShelfError/)
    expect(() => new Local(options)).toThrow(/Local's marker must come from Symbol.for/)
  })

  it('recognises instances by marker, across copies of the package, never a base or a sibling', () => {
    const shelf = new ShelfError({ message: 'x', code: 'shelf-full', shelf: 'A1' })
    const root = new DSPexError({ message: 'x', code: 'other' })
    expect(shelf).toBeInstanceOf(DSPexError)
    expect(DSPexError.isInstance(shelf)).toBe(true)
    expect(ShelfError.isInstance(root)).toBe(false)
    expect(BookError.isInstance(shelf)).toBe(false)
    expect(shelf instanceof BookError).toBe(false)
    // An object from another copy of the package carries the same global symbols.
    const foreign = Object.assign(Object.create(Error.prototype), { [Symbol.for('dspex.error')]: true, [Symbol.for('dspex.error.test-shelf')]: true })
    expect(foreign instanceof ShelfError).toBe(true)
    expect(DSPexError.isInstance(new Error('plain'))).toBe(false)
    expect(DSPexError.isInstance(null)).toBe(false)
  })

  it('serialises to a plain object with its typed fields and a summary of its cause', () => {
    const inner = new BookError({ message: 'gone', code: 'book-missing' })
    const system = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', headers: { authorization: 'secret' } })
    expect(new ShelfError({ message: 'full', code: 'shelf-full', shelf: 'A1', cause: inner }).toJSON()).toEqual({
      name: 'ShelfError',
      code: 'shelf-full',
      message: 'full',
      shelf: 'A1',
      cause: { name: 'BookError', code: 'book-missing', message: 'gone' },
    })
    const json = JSON.stringify(new ShelfError({ message: 'full', code: 'shelf-full', shelf: 'A1', cause: system }))
    expect(JSON.parse(json).cause).toEqual({ name: 'Error', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' })
    expect(json).not.toContain('secret')
  })

  it('ends a cycle of causes when serialising', () => {
    const first = new BookError({ message: 'first', code: 'book-missing' })
    const second = new BookError({ message: 'second', code: 'book-missing', cause: first })
    Object.defineProperty(first, 'cause', { value: second })
    expect(first.toJSON()).toEqual({
      name: 'BookError',
      code: 'book-missing',
      message: 'first',
      cause: { name: 'BookError', code: 'book-missing', message: 'second', cause: { name: 'BookError', code: 'book-missing', message: 'first' } },
    })
  })

  it('prints concisely: name, code, message, stack frames, short fields and the cause', () => {
    const big = { text: 'x'.repeat(5000), nested: { deeper: { deepest: 'hidden' } } }
    class BulkyError extends DSPexError {
      static override readonly marker: symbol = Symbol.for('dspex.error.test-bulky')
      readonly payload = big
    }
    const error = new BulkyError({ message: 'too big', code: 'bulky', cause: new BookError({ message: 'gone', code: 'book-missing' }) })
    const printed = inspect(error)
    expect(printed.split('\n')[0]).toBe('BulkyError [bulky]: too big')
    expect(printed).toMatch(/\n {4}at /)
    expect(printed).toContain("  payload: { text: 'xxxx")
    expect(printed).toContain('... 4800 more characters, nested: [Object] }')
    expect(printed).not.toContain('hidden')
    expect(printed).toContain('  [cause]: BookError [book-missing]: gone\n      at ')
    expect(printed.length).toBeLessThan((error.stack?.length ?? 0) * 2 + 600)
    expect(inspect({ wrapped: error }, { depth: 0 })).toBe('{ wrapped: [BulkyError [bulky]] }')
  })
})

describe('DSPexError.setLargeField', () => {
  class ReportError extends DSPexError {
    static override readonly marker: symbol = Symbol.for('dspex.error.test-report')
    declare readonly report: { readonly rows: readonly string[] }
    readonly rowCount: number

    constructor(options: { message: string; report: { readonly rows: readonly string[] } }) {
      super({ message: options.message, code: 'report' })
      this.setLargeField('report', options.report)
      this.rowCount = options.report.rows.length
    }
  }
  const report = { rows: Array.from({ length: 500 }, (_, index) => `row ${index}`) }

  it('keeps a large field out of what Node prints for an uncaught throw, not out of toJSON or inspect', () => {
    const error = new ReportError({ message: 'Too many rows.', report })
    expect(error.report).toBe(report)
    expect(Object.keys(error)).toEqual(['code', 'rowCount'])
    const uncaught = inspect(error, { customInspect: false, depth: 5 })
    expect(uncaught.split('\n')[0]).toBe('ReportError: Too many rows.')
    expect(uncaught).not.toContain('row 499')
    expect(error.toJSON()).toEqual({ name: 'ReportError', code: 'report', message: 'Too many rows.', report, rowCount: 500 })
    expect(inspect(error)).toContain('  rowCount: 500,\n  report: { rows: [Array] }\n}')
    expect(errorClassProblems(ReportError, { message: 'x', report })).toEqual([])
  })

  it('is what the shared test asks for when a field is large', () => {
    class DumpError extends DSPexError {
      static override readonly marker: symbol = Symbol.for('dspex.error.test-dump')
      readonly report = report
    }
    expect(errorClassProblems(DumpError, { message: 'x', code: 'dump' })).toEqual([
      expect.stringMatching(/^an uncaught throw would print the field report in \d+ characters: set it with setLargeField\.$/),
    ])
  })
})
