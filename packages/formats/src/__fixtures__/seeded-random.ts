/**
 * A small seeded pseudo-random generator (a linear congruential one, as the parse fuzz tests use): the same seed
 * gives the same sequence, so a failing case can be replayed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

/** Text made of `count` pieces picked at random (up to `maxPieces`), for fuzzing text readers. */
export function randomText(next: () => number, pieces: readonly string[], maxPieces: number): string {
  let text = ''
  const count = Math.floor(next() * (maxPieces + 1))
  for (let index = 0; index < count; index += 1) text += pieces[Math.floor(next() * pieces.length)]
  return text
}
