import type { ToolCalls } from '@dspex/types'
import type { Static, TSchema } from 'typebox'

// The compile-time half of signature strings: template-literal types that read
// "question, k: int -> answer: list[str]" the way `parseSignatureString` and `parsePythonType` do
// at run time, and give the static input and output types. Every loop is a tail-recursive
// conditional type with an accumulator, and scanning jumps from one special character to the
// next instead of walking every character, so long signatures stay cheap for the checker.

// The value interfaces follow the value schemas of `@dspex/types`' special types (`Image` is
// `{ url }` ...), written out here so this file needs no run-time import.

/** The value of a `dspy.Image` field: a URL (`http(s)://`, `gs://`) or a `data:` URI. */
export interface ImageValue {
  url: string
}

/** The value of a `dspy.Audio` field: base64 `data` in `audio_format` (`wav`, `mp3` ...). */
export interface AudioValue {
  data: string
  audio_format: string
}

/** The value of a `dspy.File` field: inline data (a `data:` URI), a provider's file id, a name. */
export interface FileValue {
  file_data?: string | null
  file_id?: string | null
  filename?: string | null
}

/** The value of a `dspy.History` field: earlier turns, each a record of field names to values. */
export interface HistoryValue {
  messages: Record<string, unknown>[]
}

/** The value of a `dspy.ToolCalls` field: the tools the LM chose to call, with their arguments. */
export interface ToolCallsValue {
  tool_calls: { name: string; args: Record<string, unknown>; id?: string }[]
  tool_call_results?: unknown
}

/** The value of a `dspy.ToolCallResults` field: what each tool call returned. */
export interface ToolCallResultsValue {
  tool_call_results: { call_id?: string | null; name: string; value: unknown; is_error?: boolean }[]
}

/** The value of a `dspy.experimental.Document` field: a text the LM may cite. */
export interface DocumentValue {
  data: string
  title?: string | null
  media_type?: 'text/plain' | 'application/pdf'
  context?: string | null
}

/** The value of a `dspy.experimental.Citations` field: passages cited from the input documents. */
export interface CitationsValue {
  citations: {
    type?: string
    cited_text: string
    document_index: number
    document_title?: string | null
    start_char_index: number
    end_char_index: number
    supported_text?: string | null
  }[]
}

/**
 * Static types of the names a type string may use without `[...]`. `ToolCalls` is the class of
 * `@dspex/types` (the tool calls a prediction returns can be executed), imported as a type only.
 * `Tool` is `unknown`: a tool's type depends on its function's arguments, so no one type takes every
 * tool; put the class in the registry (`{ Tool: Tool }`) to type a field with it.
 */
interface PlainTypes {
  str: string
  int: number
  float: number
  bool: boolean
  Any: unknown
  None: null
  NoneType: null
  list: unknown[]
  List: unknown[]
  set: unknown[]
  Set: unknown[]
  frozenset: unknown[]
  FrozenSet: unknown[]
  tuple: unknown[]
  Tuple: unknown[]
  dict: Record<string, unknown>
  Dict: Record<string, unknown>
  Image: ImageValue
  Audio: AudioValue
  File: FileValue
  History: HistoryValue
  Tool: unknown
  ToolCalls: ToolCalls
  ToolCallResults: ToolCallResultsValue
  Code: string
  Reasoning: string
  Document: DocumentValue
  Citations: CitationsValue
}

type EmptyRegistry = Record<never, never>
type Whitespace = ' ' | '\n' | '\t' | '\r'
type Quote = "'" | '"'

type Trim<Text extends string> = Text extends `${Whitespace}${infer Rest}`
  ? Trim<Rest>
  : Text extends `${infer Rest}${Whitespace}`
    ? Trim<Rest>
    : Text

type Bracket = '[' | ']'

/**
 * Finds the first of `Chars` in a text: `[before, char, after]`, with `char` `''` when none occurs.
 * Each step cuts the prefix at the next candidate character, so the cost grows with the number of
 * candidates, not with the length of the text.
 */
type FirstOf<Prefix extends string, Chars extends string[], Found extends string = '', After extends string = ''> = Chars extends [
  infer Char extends string,
  ...infer More extends string[],
]
  ? Prefix extends `${infer Before}${Char}${infer Tail}`
    ? FirstOf<Before, More, Char, `${Tail}${Found}${After}`>
    : FirstOf<Prefix, More, Found, After>
  : [Prefix, Found, After]

/**
 * The first separator, bracket or quote in a text, as {@link FirstOf} gives it. Most fields hold no
 * bracket or quote before the next separator, and one check finds that out.
 */
type NextSpecial<Text extends string, Sep extends string> = Text extends `${infer Head}${Sep}${infer Tail}`
  ? Head extends `${string}${Bracket | Quote}${string}`
    ? FirstOf<Head, ['[', ']', "'", '"'], Sep, Tail>
    : [Head, Sep, Tail]
  : Text extends `${string}${Bracket | Quote}${string}`
    ? FirstOf<Text, ['[', ']', "'", '"']>
    : [Text, '', '']

/**
 * The body of a quoted string up to its closing `Q` (skipping `\'`) and the text after it, or
 * `false` when the string is not closed.
 */
type QuotedBody<Text extends string, Q extends string, Body extends string = ''> = Text extends `${infer Part}${Q}${infer Rest}`
  ? Part extends `${string}\\`
    ? Part extends `${string}\\\\`
      ? [`${Body}${Part}`, Rest]
      : QuotedBody<Rest, Q, `${Body}${Part}${Q}`>
    : [`${Body}${Part}`, Rest]
  : false

/**
 * Splits a text at the separator `Sep` where it stands outside brackets and quotes
 * (`"x: dict[str, int], y"` at `,` gives `["x: dict[str, int]", " y"]`). Parts are not trimmed.
 */
type SplitTopLevel<Text extends string, Sep extends string, Depth extends unknown[] = [], Current extends string = '', Parts extends string[] = []> =
  NextSpecial<Text, Sep> extends [infer Before extends string, infer Char extends string, infer After extends string]
    ? Char extends ''
      ? [...Parts, `${Current}${Text}`]
      : Char extends Quote
        ? QuotedBody<After, Char> extends [infer Body extends string, infer Rest extends string]
          ? SplitTopLevel<Rest, Sep, Depth, `${Current}${Before}${Char}${Body}${Char}`, Parts>
          : [...Parts, `${Current}${Text}`]
        : Char extends '['
          ? SplitTopLevel<After, Sep, [...Depth, unknown], `${Current}${Before}[`, Parts>
          : Char extends ']'
            ? SplitTopLevel<After, Sep, Depth extends [unknown, ...infer Outer] ? Outer : [], `${Current}${Before}]`, Parts>
            : Depth extends []
              ? SplitTopLevel<After, Sep, Depth, '', [...Parts, `${Current}${Before}`]>
              : SplitTopLevel<After, Sep, Depth, `${Current}${Before}${Char}`, Parts>
    : never

/** Trims each part and drops the empty ones (`tuple[int, str,]` has a trailing comma). */
type CleanParts<Parts extends string[], Done extends string[] = []> = Parts extends [infer Part extends string, ...infer Rest extends string[]]
  ? Trim<Part> extends ''
    ? CleanParts<Rest, Done>
    : CleanParts<Rest, [...Done, Trim<Part>]>
  : Done

/** The type arguments inside `[...]`, trimmed; no split at all when there is no comma. */
type TypeArguments<Inner extends string> = Inner extends `${string},${string}` ? CleanParts<SplitTopLevel<Inner, ','>> : CleanParts<[Inner]>

type StripPrefix<Name extends string> = Name extends `dspy.experimental.${infer Bare}`
  ? Bare
  : Name extends `${'typing' | 'builtins' | 'dspy'}.${infer Bare}`
    ? Bare
    : Name

type LastSegment<Name extends string> = Name extends `${string}.${infer Rest}` ? LastSegment<Rest> : Name

/** A name without `[...]`: the registry first (whole name, then its last segment), then built-ins. */
type ResolveName<Name extends string, Registry> = Name extends keyof Registry
  ? Registry[Name]
  : LastSegment<Name> extends keyof Registry
    ? Registry[LastSegment<Name>]
    : StripPrefix<Name> extends keyof PlainTypes
      ? PlainTypes[StripPrefix<Name>]
      : unknown

type Escapes = { n: '\n'; t: '\t'; r: '\r'; '0': '\0'; '\\': '\\'; "'": "'"; '"': '"' }

/** Python's backslash escapes in a string literal's body, as `parsePythonType` reads them. */
type Unescape<Text extends string, Done extends string = ''> = Text extends `${infer Before}\\${infer Char}${infer Rest}`
  ? Unescape<Rest, `${Done}${Before}${Char extends keyof Escapes ? Escapes[Char] : `\\${Char}`}`>
  : `${Done}${Text}`

/** One constant of `Literal[...]`: a quoted string, a number, `True`, `False` or `None`. */
type LiteralConstant<Text extends string> = Text extends `'${infer Body}'`
  ? Unescape<Body>
  : Text extends `"${infer Body}"`
    ? Unescape<Body>
    : Text extends 'True'
      ? true
      : Text extends 'False'
        ? false
        : Text extends 'None'
          ? null
          : Text extends `${infer Value extends number}`
            ? Value
            : number

type ConstantsOf<Args extends string[]> = { [Index in keyof Args]: LiteralConstant<Args[Index]> }

type TypesOf<Args extends string[], Registry> = { [Index in keyof Args]: TypeToStatic<Args[Index], Registry> }

type ItemOf<Args extends string[], Registry> = Args extends [infer Item extends string, ...string[]] ? TypeToStatic<Item, Registry> : unknown

/** `Name[Args]` with `Name` already stripped of `typing.`, `dspy.` and `builtins.`. */
type ApplyGeneric<Name extends string, Args extends string[], Registry> = Name extends 'list' | 'List' | 'set' | 'Set' | 'frozenset' | 'FrozenSet'
  ? ItemOf<Args, Registry>[]
  : Name extends 'tuple' | 'Tuple'
    ? Args extends []
      ? unknown[]
      : TypesOf<Args, Registry>
    : Name extends 'dict' | 'Dict'
      ? Record<string, Args extends [string, infer Value extends string] ? TypeToStatic<Value, Registry> : unknown>
      : Name extends 'Optional'
        ? ItemOf<Args, Registry> | null
        : Name extends 'Union'
          ? TypesOf<Args, Registry>[number]
          : Name extends 'Literal'
            ? ConstantsOf<Args>[number]
            : Name extends 'Code'
              ? string
              : unknown

/** One type without a top-level `|`, already trimmed. */
type SingleTypeToStatic<Text extends string, Registry> = Text extends `'${infer Name}'`
  ? ResolveName<Name, Registry>
  : Text extends `"${infer Name}"`
    ? ResolveName<Name, Registry>
    : Text extends `${infer Name}[${infer Inner}]`
      ? ApplyGeneric<StripPrefix<Trim<Name>>, TypeArguments<Inner>, Registry>
      : ResolveName<Text, Registry>

/**
 * The static type of a type written in Python's syntax, as in DSPy signature strings: `str` is
 * `string`, `int` and `float` are `number`, `bool` is `boolean`, `Any` is `unknown`, `None` is
 * `null`; `list[T]` (and `set`, `frozenset`) is `T[]`, `tuple[A, B]` is `[A, B]`, `dict[K, V]` is
 * `Record<string, V>`, `Optional[T]` is `T | null`, `Union[A, B]` and `A | B` are `A | B`,
 * `Literal['a', 1, True, None]` is `'a' | 1 | true | null`. DSPy's special types give the value
 * interfaces of this module (`Image` is {@link ImageValue}; `Code` and `Reasoning` are `string`).
 * `typing.`, `dspy.` and `builtins.` prefixes are ignored. Other names are looked up in `Registry`
 * (whole name, then the part after the last dot), which wins over built-in names as it does at
 * run time; a name found nowhere is `unknown`, never a compile error.
 *
 * @example
 * ```ts
 * type Tags = PythonTypeToStatic<'Optional[list[str]]'> // string[] | null
 * type People = PythonTypeToStatic<'list[Person]', { Person: { name: string } }> // { name: string }[]
 * ```
 * @see parsePythonType for the run-time parser of the same syntax.
 */
export type PythonTypeToStatic<Text extends string, Registry extends object = EmptyRegistry> = TypeToStatic<Text, Registry>

type TypeToStatic<Text extends string, Registry> =
  Trim<Text> extends `${string}|${string}`
    ? SinglesOf<CleanParts<SplitTopLevel<Trim<Text>, '|'>>, Registry>[number]
    : SingleTypeToStatic<Trim<Text>, Registry>

/** The options of a `|` union (or the one type, when every `|` sits inside brackets or quotes). */
type SinglesOf<Parts extends string[], Registry> = { [Index in keyof Parts]: SingleTypeToStatic<Parts[Index], Registry> }

/** The static type of one field `name` or `name: type`, keyed by its name. */
type FieldsToObject<Fields extends string, Registry> = {
  [Field in SplitTopLevel<Fields, ','>[number] as Field extends `${infer Name}:${string}`
    ? Trim<Name>
    : Trim<Field> extends ''
      ? never
      : Trim<Field>]: Field extends `${string}:${infer Type}` ? TypeToStatic<Type, Registry> : string
}

/** One side (`0` inputs, `1` outputs) of a signature string, or `never` without exactly one `->`. */
type SignatureSide<Signature extends string, Side extends 0 | 1, Registry> = string extends Signature
  ? Record<string, unknown>
  : Signature extends `${infer Inputs}->${infer Outputs}`
    ? Outputs extends `${string}->${string}`
      ? never
      : FieldsToObject<[Inputs, Outputs][Side], Registry>
    : never

/**
 * The static type of the inputs of a DSPy signature string: an untyped field is `string`, a typed
 * one follows {@link PythonTypeToStatic}. Commas inside brackets and quotes do not split fields.
 * A string without exactly one `->` gives `never` (so passing inputs fails to compile), and a
 * non-literal `string` gives `Record<string, unknown>`. Custom types come from `Registry`.
 *
 * @example
 * ```ts
 * type In = SignatureInputs<'question, k: int -> answer: list[str]'> // { question: string; k: number }
 * ```
 * @see dspy.signatures.signature._parse_signature
 */
export type SignatureInputs<Signature extends string, Registry extends object = EmptyRegistry> = SignatureSide<Signature, 0, Registry>

/**
 * The static type of the outputs of a DSPy signature string; the rules are those of
 * {@link SignatureInputs}.
 *
 * @example
 * ```ts
 * type Out = SignatureOutputs<'question -> answer: list[str], person: Person', { Person: Person }>
 * // { answer: string[]; person: Person }
 * ```
 * @see dspy.signatures.signature._parse_signature
 */
export type SignatureOutputs<Signature extends string, Registry extends object = EmptyRegistry> = SignatureSide<Signature, 1, Registry>

/**
 * The static types of the builder form's fields: each entry is a TypeBox schema, or a field
 * definition holding one under `schema`, and becomes `Static` of that schema. It also turns a
 * run-time custom type registry into the `Registry` of {@link SignatureOutputs}
 * (`StaticOfSchemaFields<typeof customTypes>`).
 *
 * @example
 * ```ts
 * type In = StaticOfSchemaFields<{ question: TString; tags: { schema: TArray<TString> } }>
 * // { question: string; tags: string[] }
 * ```
 */
export type StaticOfSchemaFields<Fields> = {
  // Going through `infer` keeps the checker from expanding `Static` of a generic schema, which
  // costs about a million instantiations wherever the result is compared.
  -readonly [Name in keyof Fields]: SchemaOfField<Fields[Name]> extends infer Schema extends TSchema ? Static<Schema> : unknown
}

/** The schema of one builder field: the field itself, or its `schema` key. */
type SchemaOfField<Field> = Field extends { readonly schema: infer Schema } ? Schema : Field
