import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { SpecialTypeError } from '../errors/special-type-error.js'
import { recorded } from './__fixtures__/dspy-special-types.js'
import { Tool } from './tool.js'

async function rejection(promise: Promise<unknown>): Promise<SpecialTypeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (SpecialTypeError.isInstance(error)) return error
  throw new Error(`expected a SpecialTypeError, got ${String(error)}`)
}

function thrown(action: () => unknown): SpecialTypeError {
  try {
    action()
  } catch (error) {
    if (SpecialTypeError.isInstance(error)) return error
    throw error
  }
  throw new Error('expected a SpecialTypeError')
}

const searchArgs = { query: { type: 'string' }, limit: { type: 'integer', default: 3 } }

function makeSearch(): Tool<{ query: string; limit?: number }> {
  return new Tool(async ({ query, limit }: { query: string; limit?: number }) => `${query}:${limit}`, {
    name: 'search',
    desc: 'Search the web.\nReturns hits.',
    args: searchArgs,
  })
}

describe('Tool text matches DSPy', () => {
  it('str(tool) and repr(tool) for the recorded tool', () => {
    const tool = makeSearch()
    expect(tool.args).toEqual(recorded.tool.args)
    expect(tool.toString()).toBe(recorded.tool.str)
    expect(tool.format()).toBe(recorded.tool.str)
    expect(tool.toJSON()).toBe(recorded.tool.dump)
    expect(tool.repr()).toBe(recorded.tool.repr)
  })

  it('the LiteLLM function definition, required = args without a default', () => {
    expect(makeSearch().formatAsLitellmFunctionCall()).toEqual(recorded.tool.litellm)
  })

  it('a tool without a description ends its name with a period', () => {
    const tool = new Tool(function ping() {
      return 'pong'
    })
    expect(tool.name).toBe('ping')
    expect(tool.toString()).toBe('ping. It takes arguments {}.')
    expect(Tool.description()).toBe('')
  })
})

describe('Tool arguments from a TypeBox object', () => {
  const tool = new Tool(({ city, units }: { city: string; units?: string }) => `${city} in ${units}`, {
    name: 'weather',
    args: Type.Object({ city: Type.String(), units: Type.Optional(Type.String({ default: 'celsius' })) }),
    argDesc: { city: 'The city name.' },
  })

  it('takes the properties as plain JSON Schemas, with argument descriptions', () => {
    expect(tool.args).toEqual({ city: { type: 'string', description: 'The city name.' }, units: { type: 'string', default: 'celsius' } })
    expect(Object.getOwnPropertySymbols(tool.args.city)).toEqual([])
    expect(tool.formatAsLitellmFunctionCall().function.parameters.required).toEqual(['city'])
  })

  it('fills defaults when calling', async () => {
    expect(await tool.acall({ city: 'Paris' })).toBe('Paris in celsius')
  })
})

describe('Tool.acall validates its arguments', () => {
  it('runs the function with valid arguments, default filled', async () => {
    expect(await makeSearch().acall({ query: 'cats' })).toBe('cats:3')
    expect(await makeSearch().acall({ query: 'cats', limit: 5 })).toBe('cats:5')
  })

  it('runs a sync function too', async () => {
    const tool = new Tool(({ a, b }: { a: number; b: number }) => a + b, { name: 'add', args: { a: { type: 'number' }, b: { type: 'number' } } })
    expect(await tool.acall({ a: 1, b: 2 })).toBe(3)
  })

  it('rejects an unknown argument', async () => {
    const error = await rejection(makeSearch().acall({ query: 'x', page: 2 } as never))
    expect(error.message).toBe("Arg page is not in the tool's args.")
    expect(error.typeName).toBe('Tool')
  })

  it('rejects an argument its schema rejects, naming it', async () => {
    expect((await rejection(makeSearch().acall({ query: 7 } as never))).message).toBe('Arg query is invalid: must be string.')
    const nested = new Tool(() => 1, { name: 'n', args: { ids: { type: 'array', items: { type: 'integer' } } } })
    expect((await rejection(nested.acall({ ids: [1, 'x'] }))).message).toBe('Arg ids is invalid: must be integer at /1.')
  })

  it('rejects a missing required argument', async () => {
    expect((await rejection(makeSearch().acall({} as never))).message).toBe('Tool search is missing required args: query.')
  })

  it('passes extra arguments through with hasKwargs, and skips checking untyped arguments', async () => {
    const tool = new Tool((args: Record<string, unknown>) => args, { name: 'echo', args: { a: {} }, hasKwargs: true })
    expect(await tool.acall({ a: { any: 'thing' }, extra: 1 })).toEqual({ a: { any: 'thing' }, extra: 1 })
  })

  it('lets errors thrown by the function propagate', async () => {
    const tool = new Tool(
      () => {
        throw new RangeError('boom')
      },
      { name: 'fail' },
    )
    await expect(tool.acall({})).rejects.toThrow(RangeError)
  })

  it('does not share default values between calls', async () => {
    const tool = new Tool(({ tags }: { tags: string[] }) => tags, { name: 'tags', args: { tags: { type: 'array', default: [] } } })
    const first = (await tool.acall({} as never)) as string[]
    first.push('mutated')
    expect(await tool.acall({} as never)).toEqual([])
  })
})

describe('Tool construction errors', () => {
  it('needs a name', () => {
    expect(thrown(() => new Tool(() => 1)).message).toBe('Tool needs a name: pass `name` or wrap a named function.')
  })

  it('needs a function and schema objects', () => {
    expect(thrown(() => new Tool('nope' as never, { name: 'x' })).message).toBe('Tool wraps a function, received string.')
    expect(thrown(() => new Tool(() => 1, { name: 'x', args: { a: 'string' } as never })).message).toBe(
      'Tool argument `a` needs a JSON Schema object, received string.',
    )
  })

  it('Tool.from accepts only a Tool', () => {
    const tool = makeSearch()
    expect(Tool.from(tool)).toBe(tool)
    expect(thrown(() => Tool.from({ name: 'search' })).message).toContain('expected a Tool instance, received object')
  })
})
