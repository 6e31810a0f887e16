/**
 * A deterministic unit vector for a text, so fake servers give equal texts equal embeddings and different
 * texts different ones. Not a real embedding: only its shape (numbers, `dimensions` of them) is meaningful.
 *
 * @param text - The embedded text.
 * @param dimensions - The vector length; default 8.
 */
export function fakeEmbedding(text: string, dimensions = 8): number[] {
  const vector = Array.from({ length: dimensions }, () => 0)
  for (let index = 0; index < text.length; index += 1) {
    const slot = index % dimensions
    vector[slot] = (vector[slot] ?? 0) + ((text.charCodeAt(index) * (index + 1)) % 97) - 48
  }
  const norm = Math.hypot(...vector) || 1
  return vector.map((value) => Math.round((value / norm) * 1e6) / 1e6)
}
