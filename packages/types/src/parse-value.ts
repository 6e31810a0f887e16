import type { Static, TSchema } from 'typebox'
import { coerceValue } from './coerce-value.js'
import { describeReceivedValue } from './describe-received-value.js'
import { describeType } from './describe-type.js'
import { PythonLiteralError } from './errors/python-literal-error.js'
import { ValueParseError } from './errors/value-parse-error.js'
import { ValueSerializationError } from './errors/value-serialization-error.js'
import { ValueValidationError } from './errors/value-validation-error.js'
import { loadRepairedJSON } from './load-repaired-json.js'
import { tooDeepToParse } from './nesting-depth.js'
import { parsePythonLiteral } from './python-literal.js'
import { pythonScalarRepr } from './python-repr.js'
import { pythonStr } from './python-str.js'
import { typeNodeName } from './python-type-name.js'
import { pythonValueRepr } from './python-value-repr.js'
import type { EnumNode, LiteralNode, TypeNode } from './type-node.js'

/**
 * Turns an LM's text for one output field into a value of the field's type, exactly as DSPy's
 * `parse_value` does:
 *
 * 1. `str`: the text as it is (a non-string value becomes Python's `str()` of it, `None`, `True`).
 * 2. An enum: the member whose value equals the text, else the member with that name.
 * 3. A `Literal`: an allowed value equal to the text; else the text stripped of whitespace, of a
 *    `Literal[...]`/`str[...]` wrapper and of one pair of matching quotes.
 * 4. Any other non-string value (a JSON adapter's decoded value) is validated as it is.
 * 5. A union holding both `str` and `None` keeps the raw text.
 * 6. Otherwise the text is read as (repaired) JSON, else as a Python literal, else kept as text,
 *    and validated in pydantic's lax mode. For DSPy's special types the raw text is tried too.
 *
 * @throws {ValueParseError} carrying the raw text, the type's Python name and, as its cause, a
 *   `ValueValidationError` listing every issue. Its message is DSPy's: `'x' is not one of ('a', 'b')`,
 *   `x is not a valid name or value for the enum Color`, or the validation report. Code
 *   `value-parse-too-deep` when the text (or a value given as it is) nests arrays or objects more than
 *   1,000 levels deep, where Python's recursion limit stops DSPy too.
 * @example
 * ```ts
 * parseValue('[1, 2]', t.list(t.integer())) // [1, 2]
 * parseValue("{'key': 'value'}", t.dict(t.string())) // { key: 'value' }
 * parseValue('GREEN', t.enum('Color', { GREEN: 'green' })) // 'green'
 * parseValue('a, b', t.list(t.string())) // throws ValueParseError
 * ```
 * @see dspy.adapters.utils.parse_value
 */
export function parseValue<Schema extends TSchema>(value: unknown, schema: Schema): Static<Schema> {
  return parseNodeValue(value, describeType(schema)) as Static<Schema>
}

function parseNodeValue(value: unknown, node: TypeNode): unknown {
  if (node.kind === 'str') return printed(value, node)
  if (node.kind === 'enum') return findEnumMember(value, node)
  if (node.kind === 'literal') return matchLiteral(value, node)
  if (typeof value !== 'string' || allowsNoneAndString(node)) return validate(value, value, node)
  let candidate = readJSON(value, node)
  if (candidate === '' && value !== '') {
    try {
      candidate = parsePythonLiteral(value)
    } catch (error) {
      if (!PythonLiteralError.isInstance(error)) throw error
      candidate = value
    }
  }
  return validate(candidate, value, node)
}

/** json_repair's reading of the text, its too-deep error naming the field's type. */
function readJSON(text: string, node: TypeNode): unknown {
  try {
    return loadRepairedJSON(text)
  } catch (error) {
    if (ValueParseError.isInstance(error) && error.code === 'value-parse-too-deep') throw tooDeepToParse(text, typeNodeName(node))
    throw error
  }
}

function validate(candidate: unknown, raw: unknown, node: TypeNode): unknown {
  try {
    return coerceValue(candidate, node)
  } catch (error) {
    if (!ValueValidationError.isInstance(error)) throw error
    if (node.kind === 'special' && candidate !== raw) {
      // DSPy retries a dspy.Type with the raw text (its own parser may read it), reporting the first error.
      try {
        return coerceValue(raw, node)
      } catch {}
    }
    throw parseError(error.message, raw, node, error)
  }
}

function parseError(message: string, raw: unknown, node: TypeNode, cause: ValueValidationError): ValueParseError {
  const typeName = typeNodeName(node)
  return new ValueParseError({ message, code: 'value-parse', value: raw, text: printed(raw, node), typeName, cause })
}

/**
 * Python's `str()` of a value given as it is (`repr` when `repr` is true). A value too deep to print (more than
 * 1,000 levels, or containing itself) is too deep to parse: the printing's error becomes the parse's.
 */
function printed(value: unknown, node: TypeNode, repr = false): string {
  try {
    return repr ? pythonValueRepr(value) : pythonStr(value)
  } catch (error) {
    if (ValueSerializationError.isInstance(error) && error.code === 'value-serialization-too-deep') {
      throw tooDeepToParse(value, typeNodeName(node))
    }
    throw error
  }
}

function rejection(message: string, raw: unknown, node: TypeNode): ValueParseError {
  const typeName = typeNodeName(node)
  const cause = new ValueValidationError({
    typeName,
    issues: [{ path: '', expected: typeName, got: describeReceivedValue(raw) }],
  })
  return parseError(message, raw, node, cause)
}

/** Python's `==` between JSON scalars: `True == 1`, `1 == 1.0`, no conversion of strings. */
function pythonEquals(left: unknown, right: unknown): boolean {
  if (left === right) return true
  const numeric = (item: unknown): item is number | boolean => typeof item === 'number' || typeof item === 'boolean'
  return numeric(left) && numeric(right) && Number(left) === Number(right)
}

function findEnumMember(value: unknown, node: EnumNode): string | number {
  const byValue = node.members.find((member) => pythonEquals(member.value, value))
  if (byValue !== undefined) return byValue.value
  const byName = node.members.find((member) => member.name === value)
  if (byName !== undefined) return byName.value
  throw rejection(`${printed(value, node)} is not a valid name or value for the enum ${node.name}`, value, node)
}

function matchLiteral(value: unknown, node: LiteralNode): unknown {
  const allowed = node.values
  if (allowed.some((item) => pythonEquals(item, value))) return value
  if (typeof value === 'string') {
    let text = value.trim()
    if ((text.startsWith('Literal[') || text.startsWith('str[')) && text.endsWith(']')) {
      text = text.slice(text.indexOf('[') + 1, -1)
    }
    if (text.length > 1 && text[0] === text.at(-1) && (text[0] === '"' || text[0] === "'")) text = text.slice(1, -1)
    if (allowed.some((item) => item === text)) return text
  }
  const tuple = `(${allowed.map((item) => pythonScalarRepr(item)).join(', ')}${allowed.length === 1 ? ',' : ''})`
  throw rejection(`${printed(value, node, true)} is not one of ${tuple}`, value, node)
}

/** True for a union that has both `str` and `None` among its options (nested unions flattened). */
function allowsNoneAndString(node: TypeNode): boolean {
  if (node.kind !== 'union') return false
  const kinds = new Set<string>()
  const collect = (option: TypeNode): void => {
    if (option.kind === 'union') option.options.forEach(collect)
    else kinds.add(option.kind)
  }
  collect(node)
  return kinds.has('str') && kinds.has('none')
}
