import { describe, expect, it } from 'vitest'
import { matchesSnapshot, snapshotData } from './demo-snapshot.js'

describe('demo snapshots', () => {
  it('match the data they were taken from, and not after any change', () => {
    const demo: Record<string, unknown> = { question: 'q', context: ['a', 'b'], meta: { n: 1, tags: [] }, score: Number.NaN }
    const snapshot = snapshotData(demo)?.data
    expect(matchesSnapshot(demo, snapshot)).toBe(true)
    ;(demo.context as string[]).push('c')
    expect(matchesSnapshot(demo, snapshot)).toBe(false)
    ;(demo.context as string[]).pop()
    expect(matchesSnapshot(demo, snapshot)).toBe(true)
    ;(demo.meta as Record<string, unknown>).n = 2
    expect(matchesSnapshot(demo, snapshot)).toBe(false)
    ;(demo.meta as Record<string, unknown>).n = 1
    demo.score = null
    expect(matchesSnapshot(demo, snapshot)).toBe(false)
    demo.score = Number.NaN
    demo.extra = undefined
    expect(matchesSnapshot(demo, snapshot)).toBe(false)
  })

  it('cannot be taken of data that refers to itself', () => {
    const demo: Record<string, unknown> = { question: 'q' }
    demo.self = demo
    expect(snapshotData(demo)).toBeUndefined()
    const shared = ['a']
    expect(snapshotData({ one: shared, two: shared })?.data).toEqual({ one: ['a'], two: ['a'] })
  })

  it('keep other objects by reference', () => {
    const image = new (class Image {
      constructor(readonly url: string) {}
    })('https://example.com/a.png')
    const demo = { image }
    const snapshot = snapshotData(demo)?.data as { image: object }
    expect(snapshot.image).toBe(image)
    expect(matchesSnapshot(demo, snapshot)).toBe(true)
    expect(matchesSnapshot({ image: { url: image.url } }, snapshot)).toBe(false)
  })
})

describe('demo snapshots of deep data', () => {
  it('are not taken of data nested more than 1,000 levels deep', () => {
    let deep: unknown = 1
    for (let level = 0; level < 100_000; level += 1) deep = [deep]
    expect(snapshotData({ question: deep })).toBeUndefined()
    let shallow: unknown = 1
    for (let level = 0; level < 998; level += 1) shallow = [shallow]
    expect(snapshotData({ question: shallow })?.data).toEqual({ question: shallow })
  })
})
