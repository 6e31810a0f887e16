const pythonKeywords: ReadonlySet<string> = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
)

const identifierPattern = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u

/**
 * True when `name` can name a field: a Python identifier that is not a Python keyword, so the
 * signature also loads in DSPy.
 */
export function isValidFieldName(name: string): boolean {
  return identifierPattern.test(name) && !pythonKeywords.has(name)
}
