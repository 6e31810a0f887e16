import { Example } from '@dspex/primitives'

/** The categories of the tagged questions, one per `index % 8`. */
export const categories = ['geo', 'math', 'chem', 'art', 'bio', 'music', 'law', 'sport'] as const

/** `count` examples `[category] question N?` → `answer-N`, N from `start`, with `question` as input. */
export function taggedQuestions(count: number, start = 0): Example[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = start + offset
    return new Example({ question: `[${categories[index % categories.length]}] question ${index}?`, answer: `answer-${index}` }).withInputs(
      'question',
    )
  })
}

/** The correct answer to every tagged question: `answer-N` for `... question N?`. */
export function taggedAnswer(question: string): string | undefined {
  const match = /question (\d+)\?$/.exec(question)
  return match === null ? undefined : `answer-${match[1]}`
}
