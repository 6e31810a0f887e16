import {
  type Static,
  type TAny,
  type TArray,
  type TBoolean,
  type TInteger,
  type TLiteral,
  type TNull,
  type TNumber,
  type TObject,
  type TOptional,
  type TProperties,
  type TRecord,
  type TSchema,
  type TString,
  type TTuple,
  type TUnion,
  type TUnsafe,
  Type,
} from 'typebox'
import { type SpecialTypeSchemas, specialTypeSchema } from './special-type-schema.js'
import { type TypeMetadata, typeMetadataKey } from './type-metadata.js'

type LiteralScalar = string | number | boolean

/** The TypeBox schemas of a tuple of literal values. */
export type LiteralSchemas<Values extends readonly LiteralScalar[]> = {
  -readonly [Index in keyof Values]: TLiteral<Values[Index]>
}

/** Options accepted by {@link t.model}. */
export interface ModelOptions {
  /** The model's documentation (pydantic takes it from the class docstring). */
  readonly description?: string
}

function withMetadata<Schema extends TSchema>(schema: Schema, metadata: TypeMetadata): Schema {
  Object.defineProperty(schema, typeMetadataKey, { value: metadata, enumerable: true, writable: false })
  return schema
}

/**
 * Builders for field types with DSPy's meaning, returning TypeBox schemas (so `Static<typeof x>`
 * gives the value type). Plain TypeBox schemas work everywhere too: `Type.String()` is `str`,
 * `Type.Number()` is `float`, `Type.Integer()` is `int`.
 *
 * @example
 * ```ts
 * const Person = t.model('Person', { name: t.string(), age: t.integer() }, { description: 'A person.' })
 * const tags = t.list(t.string()) // list[str]
 * ```
 */
export const t = {
  /** `str` */
  string: (): TString => Type.String(),
  /** `int` */
  integer: (): TInteger => Type.Integer(),
  /** `float` */
  number: (): TNumber => Type.Number(),
  /** `bool` */
  boolean: (): TBoolean => Type.Boolean(),
  /** `None` */
  none: (): TNull => Type.Null(),
  /** `Any`: any JSON value. */
  any: (): TAny => Type.Any(),
  /** `Literal['a', 'b']`: one of the given values exactly. */
  literal: <const Values extends readonly [LiteralScalar, ...LiteralScalar[]]>(...values: Values): TUnion<LiteralSchemas<Values>> =>
    Type.Union(values.map((value) => Type.Literal(value)) as never) as TUnion<LiteralSchemas<Values>>,
  /**
   * A named enum (Python `Enum`): `members` maps member names to values. Prompts show the values;
   * parsing accepts a value, then a member name.
   */
  enum: <const Members extends Record<string, string | number>>(
    name: string,
    members: Members,
    options: ModelOptions = {},
  ): TUnsafe<Members[keyof Members]> =>
    withMetadata(Type.Unsafe<Members[keyof Members]>({ enum: Object.values(members), title: name, ...options }), {
      enumMemberNames: Object.keys(members),
    }),
  /** `list[T]` */
  list: <Item extends TSchema>(item: Item): TArray<Item> => Type.Array(item),
  /** `set[T]`: a list of distinct items. */
  set: <Item extends TSchema>(item: Item): TArray<Item> => Type.Array(item, { uniqueItems: true }),
  /** `tuple[A, B]` */
  tuple: <const Items extends TSchema[]>(items: [...Items]): TTuple<Items> => Type.Tuple(items),
  /** `dict[str, V]` */
  dict: <Value extends TSchema>(value: Value): TRecord<'^.*$', Value> => Type.Record(Type.String(), value) as TRecord<'^.*$', Value>,
  /** `Optional[T]` (`Union[T, NoneType]`): the value may be `null`. */
  optional: <Inner extends TSchema>(inner: Inner): TUnion<[Inner, TNull]> => Type.Union([inner, Type.Null()]),
  /**
   * `Union[A, B]`; `syntax: 'pep604'` records that Python wrote it `A | B` inside a class, which
   * DSPy names `UnionType[A, B]`.
   */
  union: <const Options extends TSchema[]>(options: [...Options], syntax: 'typing' | 'pep604' = 'typing'): TUnion<Options> => {
    const schema = Type.Union(options)
    return syntax === 'pep604' ? withMetadata(schema, { unionSyntax: 'pep604' }) : schema
  },
  /** A structured object (pydantic `BaseModel`) named `name`. Mark fields with a default via {@link t.withDefault}. */
  model: <Properties extends TProperties>(name: string, properties: Properties, options: ModelOptions = {}): TObject<Properties> =>
    Type.Object(properties, { title: name, ...options }),
  /** A model field that may be omitted, taking `value` when it is (pydantic `field: T = value`). */
  withDefault: <Schema extends TSchema>(schema: Schema, value: Static<Schema>): TOptional<TUnsafe<Static<Schema>>> =>
    Type.Optional(Type.Unsafe<Static<Schema>>({ ...schema, default: value })),
  /** `dspy.Image`: an image (URL or data URI), sent to the LM as an image content part. */
  image: (): SpecialTypeSchemas['Image'] => specialTypeSchema('Image'),
  /** `dspy.Audio`: audio data and its format, sent as an `input_audio` content part. */
  audio: (): SpecialTypeSchemas['Audio'] => specialTypeSchema('Audio'),
  /** `dspy.File`: a file (inline data, a provider file id and/or a name), sent as a `file` content part. */
  file: (): SpecialTypeSchemas['File'] => specialTypeSchema('File'),
  /** `dspy.History`: earlier conversation turns, rendered as prior messages. */
  history: (): SpecialTypeSchemas['History'] => specialTypeSchema('History'),
  /** `dspy.Tool`: a function the LM can call. */
  tool: (): SpecialTypeSchemas['Tool'] => specialTypeSchema('Tool'),
  /** `dspy.ToolCalls`: the tool calls an LM asks for. */
  toolCalls: (): SpecialTypeSchemas['ToolCalls'] => specialTypeSchema('ToolCalls'),
  /** `dspy.Code` (default language python) or `dspy.Code["<language>"]`: source code as a string. */
  code: (language?: string): SpecialTypeSchemas['Code'] => specialTypeSchema('Code', language),
  /** `dspy.Reasoning`: the LM's reasoning, a string filled natively by reasoning models. */
  reasoning: (): SpecialTypeSchemas['Reasoning'] => specialTypeSchema('Reasoning'),
  /** `dspy.experimental.Document`: a document the LM can cite. */
  document: (): SpecialTypeSchemas['Document'] => specialTypeSchema('Document'),
  /** `dspy.experimental.Citations`: citations of documents in an answer. */
  citations: (): SpecialTypeSchemas['Citations'] => specialTypeSchema('Citations'),
} as const
