/**
 * The human-readable prefix DSPy derives from a field name: camelCase and snake_case split into
 * Title Case words, acronyms kept, digits split off (`"isHTTPSSecure123"` gives `"Is HTTPS Secure 123"`).
 * Signatures append `:` to it for a field's default prefix.
 *
 * @see dspy.signatures.signature.infer_prefix
 */
export function inferPrefix(name: string): string {
  const camelSplit = name
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([a-zA-Z])(\d)/g, '$1_$2')
    .replace(/(\d)([a-zA-Z])/g, '$1_$2')
  return camelSplit
    .split('_')
    .map((word) => (isUpper(word) ? word : capitalize(word)))
    .join(' ')
}

/** Python's `str.isupper()`: at least one cased character and no lowercase ones. */
function isUpper(word: string): boolean {
  return word !== word.toLowerCase() && word === word.toUpperCase()
}

/** Python's `str.capitalize()`: first character upper-cased, the rest lower-cased. */
function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}
