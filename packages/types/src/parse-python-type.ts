import type { TSchema } from 'typebox'
import { TypeDefinitionError } from './errors/type-definition-error.js'
import { isSpecialTypeName, specialTypeSchema } from './special-type-schema.js'
import { t } from './type-builder.js'

/** Types known by name beyond the built-in ones: a custom type registry (DSPy's `custom_types`). */
export type TypeRegistry = Readonly<Record<string, TSchema>>

/** Options of {@link parsePythonType}. */
export interface ParsePythonTypeOptions {
  /** Custom types by the name used in the type string (`Person`, `models.Person`). */
  readonly customTypes?: TypeRegistry
}

type Token =
  | { readonly kind: 'name'; readonly text: string; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: 'punct'; readonly text: string; readonly at: number }
  | { readonly kind: 'end'; readonly at: number }

/** A parsed type argument: a type, or a constant inside `Literal[...]`. */
type Argument =
  | { readonly kind: 'type'; readonly schema: TSchema; readonly at: number }
  | { readonly kind: 'constant'; readonly value: string | number | boolean | null; readonly at: number }

const plainNames: Readonly<Record<string, () => TSchema>> = {
  str: t.string,
  int: t.integer,
  float: t.number,
  bool: t.boolean,
  Any: t.any,
  None: t.none,
  NoneType: t.none,
}

const genericNames = new Set([
  'list',
  'List',
  'set',
  'Set',
  'frozenset',
  'FrozenSet',
  'tuple',
  'Tuple',
  'dict',
  'Dict',
  'Optional',
  'Union',
  'Literal',
])

const cache = new Map<string, TSchema>()

/**
 * Parses a type written in Python's syntax, as DSPy signature strings use it (`list[str]`,
 * `dict[str, int]`, `Literal['a', 'b']`, `Optional[int]`, `int | None`, `dspy.Image`,
 * `Code["java"]`, a custom type from `customTypes`), into a TypeBox schema.
 * Results for strings without custom types are cached.
 *
 * @throws {TypeDefinitionError} naming the unknown or malformed part and its position.
 * @example
 * ```ts
 * parsePythonType('list[dict[str, Any]]') // Type.Array(Type.Record(Type.String(), Type.Any()))
 * ```
 */
export function parsePythonType(text: string, options: ParsePythonTypeOptions = {}): TSchema {
  const cacheable = options.customTypes === undefined
  if (cacheable) {
    const cached = cache.get(text)
    if (cached !== undefined) return cached
  }
  const parser = new PythonTypeParser(text, options.customTypes ?? {})
  const schema = parser.parseWhole()
  if (cacheable && cache.size < 10_000) cache.set(text, schema)
  return schema
}

/** Python's parser refuses more nested brackets than this ("too many nested parentheses"). */
const maxBracketNesting = 200

class PythonTypeParser {
  private readonly tokens: Token[]
  private index = 0
  /** How many `[` are open where the parser is. */
  private depth = 0

  constructor(
    private readonly text: string,
    private readonly customTypes: TypeRegistry,
  ) {
    this.tokens = tokenize(text)
  }

  parseWhole(): TSchema {
    const schema = this.parseUnion()
    const next = this.peek()
    if (next.kind !== 'end') throw this.error(`unexpected ${describeToken(next)}`, next.at)
    return schema
  }

  private parseUnion(): TSchema {
    const first = this.parsePrimary()
    if (!this.isPunct('|')) return first
    const options = [first]
    while (this.isPunct('|')) {
      this.index += 1
      options.push(this.parsePrimary())
    }
    // A string signature's `A | B` becomes typing.Union in DSPy (its parser builds `Union[...]`).
    return t.union(options)
  }

  private parsePrimary(): TSchema {
    const token = this.next()
    if (token.kind === 'string') {
      // A quoted forward reference such as 'Person'.
      return this.resolveName(token.value, token.at)
    }
    if (token.kind !== 'name') throw this.error(`expected a type name, found ${describeToken(token)}`, token.at)
    let name = token.text
    while (this.isPunct('.')) {
      this.index += 1
      const part = this.next()
      if (part.kind !== 'name') throw this.error(`expected a name after '.', found ${describeToken(part)}`, part.at)
      name += `.${part.text}`
    }
    const bare = name.replace(/^(dspy\.experimental|typing|dspy|builtins)\./, '')
    if (this.isPunct('[')) {
      const open = this.peek()
      if (this.depth >= maxBracketNesting)
        throw this.error(`more than ${maxBracketNesting} nested brackets (Python's parser stops there too)`, open.at)
      this.index += 1
      this.depth += 1
      const args = this.parseArguments(bare === 'Literal')
      this.depth -= 1
      return this.applyGeneric(bare, name, args, token.at)
    }
    if (genericNames.has(bare)) return this.applyGeneric(bare, name, [], token.at)
    return this.resolveName(name, token.at)
  }

  private parseArguments(literal: boolean): Argument[] {
    const args: Argument[] = []
    while (!this.isPunct(']')) {
      args.push(literal ? this.parseLiteralArgument() : this.parseTypeArgument())
      if (this.isPunct(',')) this.index += 1
      else if (!this.isPunct(']')) {
        const token = this.peek()
        throw this.error(`expected ',' or ']', found ${describeToken(token)}`, token.at)
      }
    }
    this.index += 1
    return args
  }

  private parseTypeArgument(): Argument {
    const token = this.peek()
    if (token.kind === 'string' && this.text.slice(token.at).match(/^["']/) && this.isCodeLanguagePosition()) {
      this.index += 1
      return { kind: 'constant', value: token.value, at: token.at }
    }
    if (token.kind === 'number') {
      throw this.error(`a number (${token.value}) is not a type`, token.at)
    }
    return { kind: 'type', schema: this.parseUnion(), at: token.at }
  }

  private isCodeLanguagePosition(): boolean {
    const before = this.tokens[this.index - 2]
    return before?.kind === 'name' && before.text.replace(/^dspy\./, '') === 'Code'
  }

  private parseLiteralArgument(): Argument {
    const token = this.next()
    if (token.kind === 'string' || token.kind === 'number') return { kind: 'constant', value: token.value, at: token.at }
    if (token.kind === 'punct' && token.text === '-') {
      const number = this.next()
      if (number.kind === 'number') return { kind: 'constant', value: -number.value, at: token.at }
      throw this.error(`expected a number after '-', found ${describeToken(number)}`, number.at)
    }
    if (token.kind === 'name' && (token.text === 'True' || token.text === 'False' || token.text === 'None')) {
      return { kind: 'constant', value: token.text === 'None' ? null : token.text === 'True', at: token.at }
    }
    throw this.error(`Literal[...] takes constants (strings, numbers, True, False, None), found ${describeToken(token)}`, token.at)
  }

  private applyGeneric(bare: string, written: string, args: Argument[], at: number): TSchema {
    const types = (): TSchema[] =>
      args.map((arg) => {
        if (arg.kind === 'type') return arg.schema
        throw this.error(`${written}[...] takes types, found the constant ${JSON.stringify(arg.value)}`, arg.at)
      })
    const arity = (min: number, max: number): TSchema[] => {
      const schemas = types()
      if (schemas.length < min || schemas.length > max) {
        const expected = min === max ? `${min}` : `${min} to ${max}`
        throw this.error(`${written}[...] takes ${expected} type argument${max === 1 ? '' : 's'}, got ${schemas.length}`, at)
      }
      return schemas
    }
    switch (bare) {
      case 'list':
      case 'List':
        return t.list(arity(0, 1)[0] ?? t.any())
      case 'set':
      case 'Set':
      case 'frozenset':
      case 'FrozenSet':
        return t.set(arity(0, 1)[0] ?? t.any())
      case 'tuple':
      case 'Tuple':
        return args.length === 0 ? t.list(t.any()) : t.tuple(types())
      case 'dict':
      case 'Dict': {
        const [keys, values] = args.length === 0 ? [t.string(), t.any()] : arity(2, 2)
        return dictOf(keys as TSchema, values as TSchema, this.error(`dict keys must be str or int`, at))
      }
      case 'Optional':
        return t.optional(arity(1, 1)[0] as TSchema)
      case 'Union': {
        const options = arity(1, Number.POSITIVE_INFINITY)
        return options.length === 1 ? (options[0] as TSchema) : t.union(options)
      }
      case 'Literal': {
        if (args.length === 0) throw this.error('Literal[...] needs at least one value', at)
        const values = args.map((arg) => (arg.kind === 'constant' ? arg.value : null))
        const nonNull = values.filter((value): value is string | number | boolean => value !== null)
        const literal = nonNull.length > 0 ? t.literal(...(nonNull as [string, ...string[]])) : undefined
        if (nonNull.length === values.length) return literal as TSchema
        return literal === undefined ? t.none() : t.optional(literal)
      }
      default:
        return this.applySpecial(bare, written, args, at)
    }
  }

  private applySpecial(bare: string, written: string, args: Argument[], at: number): TSchema {
    if (bare === 'Code' && args.length === 1 && args[0]?.kind === 'constant' && typeof args[0].value === 'string') {
      return specialTypeSchema('Code', args[0].value)
    }
    throw this.error(`${written} does not take [...] arguments`, at)
  }

  private resolveName(name: string, at: number): TSchema {
    const custom = this.customTypes[name] ?? this.customTypes[name.split('.').at(-1) ?? name]
    if (custom !== undefined) return custom
    const bare = name.replace(/^(dspy\.experimental|typing|dspy|builtins)\./, '')
    const plain = plainNames[bare]
    if (plain !== undefined) return plain()
    if (isSpecialTypeName(bare)) return specialTypeSchema(bare)
    throw this.error(`unknown type '${name}'; pass it in customTypes to use it`, at)
  }

  private peek(): Token {
    return this.tokens[this.index] as Token
  }

  private next(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.index += 1
    return token
  }

  private isPunct(text: string): boolean {
    const token = this.peek()
    return token.kind === 'punct' && token.text === text
  }

  private error(problem: string, at: number): TypeDefinitionError {
    return new TypeDefinitionError({
      message: `Invalid type '${this.text}': ${problem} (at position ${at}).`,
      path: String(at),
    })
  }
}

function dictOf(keys: TSchema, values: TSchema, keyError: TypeDefinitionError): TSchema {
  const keyType = (keys as { type?: unknown }).type
  if (keyType !== 'string' && keyType !== 'integer' && Object.keys(keys).length > 0) throw keyError
  return t.dict(values)
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the type'
    case 'name':
      return `'${token.text}'`
    case 'punct':
      return `'${token.text}'`
    case 'string':
      return `the string ${JSON.stringify(token.value)}`
    case 'number':
      return `the number ${token.value}`
  }
}

const identifierPattern = /[\p{L}_][\p{L}\p{N}_]*/uy
const numberPattern = /(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at] as string
    if (/\s/.test(char)) {
      at += 1
      continue
    }
    if ('[],.|-'.includes(char)) {
      tokens.push({ kind: 'punct', text: char, at })
      at += 1
      continue
    }
    if (char === '"' || char === "'") {
      const { value, end } = readPythonString(text, at)
      tokens.push({ kind: 'string', value, at })
      at = end
      continue
    }
    numberPattern.lastIndex = at
    const number = numberPattern.exec(text)
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0].replaceAll('_', '')), at })
      at += number[0].length
      continue
    }
    identifierPattern.lastIndex = at
    const identifier = identifierPattern.exec(text)
    if (identifier !== null) {
      tokens.push({ kind: 'name', text: identifier[0], at })
      at += identifier[0].length
      continue
    }
    throw new TypeDefinitionError({
      message: `Invalid type '${text}': unexpected character ${JSON.stringify(char)} (at position ${at}).`,
      path: String(at),
    })
  }
  tokens.push({ kind: 'end', at: text.length })
  return tokens
}

const escapes: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' }

/** Reads a Python string literal (single or double quoted, with backslash escapes) starting at `start`. */
function readPythonString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]
  let value = ''
  let at = start + 1
  while (at < text.length) {
    const char = text[at] as string
    if (char === quote) return { value, end: at + 1 }
    if (char === '\\') {
      const escaped = text[at + 1] ?? ''
      value += escapes[escaped] ?? `\\${escaped}`
      at += 2
      continue
    }
    value += char
    at += 1
  }
  throw new TypeDefinitionError({
    message: `Invalid type '${text}': unterminated string starting at position ${start}.`,
    path: String(start),
  })
}
