import { parsePythonType, TypeDefinitionError, type TypeRegistry } from '@dspex/types'
import { SignatureError } from './errors/signature-error.js'
import { isValidFieldName } from './field-name.js'
import type { FieldDefinition, FieldDirection } from './signature-field.js'

/** A field found in a signature string. */
export interface ParsedStringField {
  readonly name: string
  readonly definition: FieldDefinition
}

/**
 * Parses DSPy's string form `"context: list[str], question -> answer: float"` into ordered field
 * definitions (inputs then outputs). Untyped fields are `str`; untyped inputs are marked so type
 * mismatches on them are not reported, as in DSPy.
 *
 * @throws {SignatureError} with DSPy's message for a missing or repeated `->` and for duplicate
 *   names, and a message naming the position for any other syntax or type problem.
 * @see dspy.signatures.signature._parse_signature
 */
export function parseSignatureString(text: string, customTypes?: TypeRegistry): ParsedStringField[] {
  const arrows = text.split('->').length - 1
  if (arrows !== 1) {
    throw new SignatureError({
      message: `Invalid signature format: '${text}', must contain exactly one '->'.`,
      code: 'signature-format',
      signature: text,
    })
  }
  const arrowAt = text.indexOf('->')
  const inputs = parseFieldList(text, 0, arrowAt, 'input', customTypes)
  const outputs = parseFieldList(text, arrowAt + 2, text.length, 'output', customTypes)
  const inputNames = new Set(inputs.map((field) => field.name))
  const duplicates = [...new Set(outputs.map((field) => field.name).filter((name) => inputNames.has(name)))].sort()
  if (duplicates.length > 0) {
    throw new SignatureError({
      message: `Input and output fields must have distinct names, but found duplicates: '${duplicates.join(', ')}'.`,
      code: 'signature-duplicate-field',
      signature: text,
    })
  }
  return [...inputs, ...outputs]
}

function parseFieldList(
  text: string,
  start: number,
  end: number,
  direction: FieldDirection,
  customTypes: TypeRegistry | undefined,
): ParsedStringField[] {
  const parts = splitTopLevel(text, start, end)
  const fields: ParsedStringField[] = []
  const seen = new Set<string>()
  parts.forEach((part, index) => {
    const isLast = index === parts.length - 1
    if (part.text.trim() === '') {
      // `def f(a,)` is valid Python, and so is an empty side; any other empty slot is not.
      if ((isLast && index > 0) || parts.length === 1) return
      throw syntaxError(text, part.start, 'an empty field (two commas in a row, or a leading comma)')
    }
    const field = parseField(text, part.text, part.start, direction, customTypes)
    if (seen.has(field.name)) {
      throw new SignatureError({
        message: `Invalid signature '${text}': duplicate field name '${field.name}' in the ${direction}s (at position ${part.start}).`,
        code: 'signature-duplicate-field',
        signature: text,
        position: part.start,
      })
    }
    seen.add(field.name)
    fields.push(field)
  })
  return fields
}

function parseField(text: string, part: string, offset: number, direction: FieldDirection, customTypes: TypeRegistry | undefined): ParsedStringField {
  const colon = part.indexOf(':')
  const rawName = colon === -1 ? part : part.slice(0, colon)
  const name = rawName.trim()
  const nameAt = offset + rawName.indexOf(name)
  if (!isValidFieldName(name)) {
    const problem = name.includes('=')
      ? `default values are not supported in signature strings ('${name}'); declare a default with the builder form`
      : `'${name}' is not a valid field name`
    throw syntaxError(text, nameAt, problem)
  }
  if (colon === -1) {
    return { name, definition: { schema: parsePythonType('str'), direction, options: {}, typeUndefined: direction === 'input' } }
  }
  const typeText = part.slice(colon + 1)
  const typeAt = offset + colon + 1
  if (typeText.trim() === '') throw syntaxError(text, typeAt, `the field '${name}' has ':' but no type`)
  if (/=/.test(typeText.replace(/(["'])(?:\\.|(?!\1).)*\1/g, ''))) {
    throw syntaxError(
      text,
      typeAt,
      `default values are not supported in signature strings (field '${name}'); declare a default with the builder form`,
    )
  }
  try {
    const schema = parsePythonType(typeText.trim(), customTypes === undefined ? {} : { customTypes })
    return { name, definition: { schema, direction, options: {}, typeUndefined: false } }
  } catch (error) {
    if (!TypeDefinitionError.isInstance(error)) throw error
    const position = typeAt + typeText.indexOf(typeText.trim()) + Number(error.path)
    throw new SignatureError({
      message: `Invalid signature '${text}': field '${name}': ${error.message} Position ${position} in the signature.`,
      code: 'signature-field-type',
      signature: text,
      position,
      cause: error,
    })
  }
}

/** Splits `text[start, end)` at commas outside brackets and quotes. */
function splitTopLevel(text: string, start: number, end: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = []
  const brackets: string[] = []
  let quote: string | undefined
  let partStart = start
  for (let at = start; at < end; at += 1) {
    const char = text[at] as string
    if (quote !== undefined) {
      if (char === '\\') at += 1
      else if (char === quote) quote = undefined
      continue
    }
    if (char === '"' || char === "'") quote = char
    else if (char === '[' || char === '(') brackets.push(char === '[' ? ']' : ')')
    else if (char === ']' || char === ')') {
      if (brackets.pop() !== char) throw syntaxError(text, at, `unbalanced '${char}'`)
    } else if (char === ',' && brackets.length === 0) {
      parts.push({ text: text.slice(partStart, at), start: partStart })
      partStart = at + 1
    }
  }
  if (quote !== undefined) throw syntaxError(text, end, 'an unterminated string')
  if (brackets.length > 0) throw syntaxError(text, end, `a missing '${brackets.at(-1)}'`)
  parts.push({ text: text.slice(partStart, end), start: partStart })
  return parts
}

function syntaxError(text: string, position: number, problem: string): SignatureError {
  return new SignatureError({
    message: `Invalid signature syntax in '${text}': ${problem} (at position ${position}).`,
    code: 'signature-syntax',
    signature: text,
    position,
  })
}
