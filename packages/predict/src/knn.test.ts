import { Example } from '@dspex/primitives'
import type { EmbeddingModel, EmbedRequest } from '@dspex/provider'
import { describe, expect, it } from 'vitest'
import { KNNError } from './errors/knn-error.js'
import { KNN } from './knn.js'

const words = ['fruit', 'animal', 'color']
/** One dimension per category word the text mentions. */
const bagOfWords = (texts: string[]): number[][] => texts.map((text) => words.map((word) => (text.includes(word) ? 1 : 0)))

const trainset = [
  new Example({ question: 'a fruit: apple', answer: 'A', note: 'ignored' }).withInputs('question'),
  new Example({ question: 'an animal: dog', answer: 'B' }).withInputs('question'),
  new Example({ question: 'a fruit: pear', answer: 'C' }).withInputs('question'),
  new Example({ question: 'a color: red', answer: 'D' }).withInputs('question'),
]

describe('KNN', () => {
  it('embeds the train inputs and the query as DSPy does (`key: value` joined with " | ")', async () => {
    const seen: string[][] = []
    const embedder = (texts: string[]): number[][] => {
      seen.push(texts)
      return bagOfWords(texts)
    }
    const twoInputs = [new Example({ topic: 'fruit', question: 'q', answer: 'a', hint: 7 }).withInputs('topic', 'hint')]
    const knn = new KNN({ k: 1, trainset: twoInputs, embedder })
    await knn.call({ topic: 'fruit', question: 'which?' })
    expect(seen).toEqual([['topic: fruit | hint: 7'], ['topic: fruit | question: which?']])
  })

  it('returns the k most similar train examples, most similar first', async () => {
    const knn = new KNN({ k: 2, trainset, embedder: bagOfWords })
    const nearest = await knn.call({ question: 'another fruit: plum' })
    expect(nearest.map((example) => example.get('answer'))).toEqual(['C', 'A'])
    expect((await knn.call({ question: 'an animal: cat' }))[0]?.get('answer')).toBe('B')
  })

  it('ranks by cosine similarity by default and by the dot product on request (as DSPy)', async () => {
    const embedder = (texts: string[]): number[][] =>
      texts.map((text) => (text.includes('long') ? [10, 10] : text.includes('query') ? [1, 0] : [1, 0.1]))
    const examples = [new Example({ x: 'short' }).withInputs('x'), new Example({ x: 'long' }).withInputs('x')]
    const cosine = await new KNN({ k: 1, trainset: examples, embedder }).call({ x: 'query' })
    const dot = await new KNN({ k: 1, trainset: examples, embedder, similarity: 'dot' }).call({ x: 'query' })
    expect(cosine[0]?.get('x')).toBe('short')
    expect(dot[0]?.get('x')).toBe('long')
  })

  it('embeds the trainset once, and returns the whole trainset when k exceeds it', async () => {
    let calls = 0
    const knn = new KNN({
      k: 10,
      trainset,
      embedder: (texts) => {
        calls += 1
        return bagOfWords(texts)
      },
    })
    await Promise.all([knn.call({ question: 'fruit' }), knn.call({ question: 'color' })])
    expect(calls).toBe(3)
    expect(await knn.call({ question: 'color' })).toHaveLength(4)
  })

  it('accepts a provider embedding model, split into calls of maxEmbeddingsPerCall', async () => {
    const requests: EmbedRequest[] = []
    const model: EmbeddingModel = {
      specificationVersion: 'v1',
      provider: 'fake',
      modelId: 'bag',
      maxEmbeddingsPerCall: 3,
      async embed(request) {
        requests.push(request)
        return { embeddings: bagOfWords([...request.values]) }
      },
    }
    const nearest = await new KNN({ k: 1, trainset, embedder: model }).call({ question: 'a color: blue' })
    expect(nearest[0]?.get('answer')).toBe('D')
    expect(requests.map((request) => request.values.length)).toEqual([3, 1, 1])
  })

  it('throws typed errors for a bad k, missing inputs and a wrong number of vectors', async () => {
    expect(() => new KNN({ k: 0, trainset, embedder: bagOfWords })).toThrow(KNNError)
    expect(() => new KNN({ k: 1, trainset: [new Example({ question: 'q' })], embedder: bagOfWords })).toThrow(
      expect.objectContaining({ code: 'example-inputs-not-set' }),
    )
    const knn = new KNN({ k: 1, trainset, embedder: () => [[1, 0, 0]] })
    await expect(knn.call({ question: 'x' })).rejects.toThrow(expect.objectContaining({ code: 'knn-embedding-shape' }))
  })
})
