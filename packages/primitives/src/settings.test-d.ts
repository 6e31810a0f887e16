import { describe, expectTypeOf, it } from 'vitest'
import type { Parameter } from './parameter.js'
import type { Settings } from './settings.js'
import { configure, context, getSetting, settings } from './settings-context.js'

interface Retriever {
  search(query: string): string[]
}

// What a package above primitives does to type a setting it defines, and to add one.
declare module './settings-registry.js' {
  interface SettingsRegistry {
    rm: Retriever
  }
}
declare module './settings.js' {
  interface Settings {
    retries?: number
  }
}

describe('Settings typing', () => {
  it('types registered settings and leaves unregistered ones unknown', () => {
    expectTypeOf(settings().rm).toEqualTypeOf<Retriever | null>()
    expectTypeOf(getSetting('rm')).toEqualTypeOf<Retriever | null>()
    expectTypeOf(settings().adapter).toEqualTypeOf<unknown>()
    expectTypeOf<Parameter['lm']>().toEqualTypeOf<unknown>()
  })

  it('accepts keys added by declaration merging', () => {
    expectTypeOf(configure).toBeCallableWith({ retries: 3 })
    expectTypeOf(settings().retries).toEqualTypeOf<number | undefined>()
    expectTypeOf(context({ retries: 1, concurrency: 2 }, () => 1)).toEqualTypeOf<number>()
  })

  it('rejects values of the wrong type', () => {
    // @ts-expect-error concurrency is a number
    configure({ concurrency: 'many' })
    // @ts-expect-error the retriever must have search
    context({ rm: {} }, () => undefined)
    expectTypeOf<Settings['concurrency']>().toEqualTypeOf<number>()
  })
})
