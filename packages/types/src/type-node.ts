/**
 * The normalised description of a field type that every DSPy behaviour (type names, JSON Schema,
 * parsing and formatting of values) is computed from. It is derived once from a TypeBox schema by
 * `describeType` and cached; users write TypeBox schemas, never these nodes.
 */
export type TypeNode =
  | { readonly kind: 'str' }
  | { readonly kind: 'int' }
  | { readonly kind: 'float' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'none' }
  | { readonly kind: 'any' }
  | LiteralNode
  | EnumNode
  | ListNode
  | TupleNode
  | DictNode
  | UnionNode
  | ModelNode
  | SpecialNode

/** A literal value as Python's `Literal[...]` allows it. */
export type LiteralValue = string | number | boolean | null

/** `Literal['a', 'b']`: the value must be one of `values` exactly. */
export interface LiteralNode {
  readonly kind: 'literal'
  readonly values: readonly LiteralValue[]
}

/** One member of a named enum (Python `Enum`): its name and its value. */
export interface EnumMember {
  readonly name: string
  readonly value: string | number
}

/** A named enum: values shown in prompts, matched by value then by member name when parsing. */
export interface EnumNode {
  readonly kind: 'enum'
  readonly name: string
  readonly members: readonly EnumMember[]
  readonly description?: string
}

/** `list[T]` (or `set[T]` when `unique`). */
export interface ListNode {
  readonly kind: 'list'
  readonly items: TypeNode
  readonly unique: boolean
}

/** `tuple[A, B]`: a fixed-length array. */
export interface TupleNode {
  readonly kind: 'tuple'
  readonly items: readonly TypeNode[]
}

/** `dict[K, V]`: an object with arbitrary keys. */
export interface DictNode {
  readonly kind: 'dict'
  readonly keys: TypeNode
  readonly values: TypeNode
}

/**
 * `Union[A, B]` or `A | B`. `Optional[T]` is a union with a `none` option. `syntax` records how
 * Python spelled it, which changes the type name DSPy prints (`Union[...]` or `UnionType[...]`).
 */
export interface UnionNode {
  readonly kind: 'union'
  readonly options: readonly TypeNode[]
  readonly syntax: 'typing' | 'pep604'
}

/** A field of a model (pydantic `BaseModel`). */
export interface ModelField {
  readonly name: string
  readonly type: TypeNode
  /** False when the field has a default (pydantic marks it not required). */
  readonly required: boolean
  /** True when `defaultValue` is meaningful. */
  readonly hasDefault: boolean
  readonly defaultValue?: unknown
  readonly description?: string
}

/** A structured object with named fields (pydantic `BaseModel`); `name` is the class name. */
export interface ModelNode {
  readonly kind: 'model'
  readonly name: string | undefined
  readonly description: string | undefined
  readonly fields: readonly ModelField[]
}

/** The names of DSPy's special types. */
export type SpecialTypeName =
  | 'Image'
  | 'Audio'
  | 'File'
  | 'History'
  | 'Tool'
  | 'ToolCalls'
  | 'ToolCallResults'
  | 'Code'
  | 'Reasoning'
  | 'Document'
  | 'Citations'

/** One of DSPy's special types (`dspy.Image`, `dspy.History`, `dspy.Code["java"]` ...). */
export interface SpecialNode {
  readonly kind: 'special'
  readonly name: SpecialTypeName
  /** For `Code`: the language, e.g. `python`. */
  readonly language?: string
}
