/**
 * Orders two strings the way Python's `sorted()` does: by Unicode code point. JavaScript's `<`
 * compares UTF-16 code units, which disagrees for characters above U+FFFF.
 *
 * @returns a negative number when `left` sorts first, a positive one when `right` does, 0 when equal.
 * @example
 * ```ts
 * ['b', '$defs', 'a'].sort(compareCodePoints) // ['$defs', 'a', 'b']
 * ```
 */
export function compareCodePoints(left: string, right: string): number {
  if (left === right) return 0
  let leftIndex = 0
  let rightIndex = 0
  while (leftIndex < left.length && rightIndex < right.length) {
    const leftCode = left.codePointAt(leftIndex) ?? 0
    const rightCode = right.codePointAt(rightIndex) ?? 0
    if (leftCode !== rightCode) return leftCode - rightCode
    leftIndex += leftCode > 0xffff ? 2 : 1
    rightIndex += rightCode > 0xffff ? 2 : 1
  }
  return left.length - leftIndex - (right.length - rightIndex)
}
