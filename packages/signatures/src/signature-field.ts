import { describeType, type TypeNode, t } from '@dspex/types'
import { typeNodeName } from '@dspex/types/internal'
import type { TSchema, TString } from 'typebox'
import { describeConstraints, type FieldConstraints, isConstraintKey } from './field-constraints.js'
import { inferPrefix } from './infer-prefix.js'

/** Whether a field is given to the model (`input`) or produced by it (`output`). */
export type FieldDirection = 'input' | 'output'

/** Options of a field, as DSPy's `InputField(...)`/`OutputField(...)` take them. */
export interface FieldOptions extends FieldConstraints {
  /** What the field holds, shown to the model. Defaults to `${name}` (shown as nothing). */
  readonly desc?: string
  /** The label DSPy keeps for the field (used by optimizers, not by prompts). Defaults to the inferred prefix. */
  readonly prefix?: string
  /** A default value: makes an output optional and fills a missing input. */
  readonly default?: unknown
}

/** A field declared for the builder form: its type, direction and options. */
export interface FieldDefinition<Schema extends TSchema = TSchema, Direction extends FieldDirection = FieldDirection> {
  readonly schema: Schema
  readonly direction: Direction
  readonly options: FieldOptions
  /** True when no type was given (the field is `str` by default, as untyped DSPy fields are). */
  readonly typeUndefined: boolean
}

/**
 * Declares an input field. Without a schema the field is `str` and, as in DSPy, type mismatches
 * on it are not reported.
 *
 * @example
 * ```ts
 * const QA = Signature.create({ fields: { question: InputField(), answer: OutputField(Type.String()) } })
 * ```
 * @see dspy.InputField
 */
export function InputField(schema?: undefined, options?: FieldOptions): FieldDefinition<TString, 'input'>
export function InputField<Schema extends TSchema>(schema: Schema, options?: FieldOptions): FieldDefinition<Schema, 'input'>
export function InputField<Schema extends TSchema>(schema: Schema | undefined, options?: FieldOptions): FieldDefinition<Schema | TString, 'input'>
export function InputField(schema?: TSchema, options: FieldOptions = {}): FieldDefinition<TSchema, 'input'> {
  return { schema: schema ?? t.string(), direction: 'input', options, typeUndefined: schema === undefined }
}

/**
 * Declares an output field (a `str` when no schema is given).
 *
 * @see dspy.OutputField
 */
export function OutputField(schema?: undefined, options?: FieldOptions): FieldDefinition<TString, 'output'>
export function OutputField<Schema extends TSchema>(schema: Schema, options?: FieldOptions): FieldDefinition<Schema, 'output'>
export function OutputField<Schema extends TSchema>(schema: Schema | undefined, options?: FieldOptions): FieldDefinition<Schema | TString, 'output'>
export function OutputField(schema?: TSchema, options: FieldOptions = {}): FieldDefinition<TSchema, 'output'> {
  return { schema: schema ?? t.string(), direction: 'output', options, typeUndefined: schema === undefined }
}

/**
 * A field of a {@link Signature}, with everything derived from its type computed once.
 * Immutable: signature manipulations build new fields.
 */
export class SignatureField {
  /** The field's name. */
  readonly name: string
  /** `input` or `output`. */
  readonly direction: FieldDirection
  /** The field's type as a TypeBox schema. */
  readonly schema: TSchema
  /** The normalised DSPy type of {@link SignatureField.schema}. */
  readonly type: TypeNode
  /** The Python type name DSPy prints for it (`list[str]`). */
  readonly typeName: string
  /** The description (DSPy's `desc`), `${name}` when none was given. */
  readonly desc: string
  /** True when the signature gave no type (an untyped input in the string form). */
  readonly typeUndefined: boolean
  /** The constraints in the order given. */
  readonly constraints: FieldConstraints
  /** DSPy's constraint sentence, or `undefined`. */
  readonly constraintsText: string | undefined
  /** True when a default value was declared. */
  readonly hasDefault: boolean
  /** The declared default value (meaningful when {@link SignatureField.hasDefault}). */
  readonly defaultValue: unknown
  /** The options this field was declared with (for copies). */
  readonly options: FieldOptions
  #prefix: string | undefined

  constructor(name: string, definition: FieldDefinition) {
    const { options } = definition
    this.name = name
    this.direction = definition.direction
    this.schema = definition.schema
    this.type = describeType(definition.schema)
    this.typeName = typeNodeName(this.type)
    this.desc = options.desc ?? `\${${name}}`
    this.#prefix = options.prefix
    this.typeUndefined = definition.typeUndefined
    this.constraints = pickConstraints(options)
    this.constraintsText = this.constraints === noConstraints ? undefined : describeConstraints(this.constraints, this.type)
    this.hasDefault = Object.hasOwn(options, 'default')
    this.defaultValue = options.default
    this.options = options
    Object.freeze(this)
  }

  /** The prefix: `Name:` inferred from the name (on first use) when none was given. */
  get prefix(): string {
    this.#prefix ??= `${inferPrefix(this.name)}:`
    return this.#prefix
  }

  /** False when the field has a default (an optional output, an input that may be left out). */
  get required(): boolean {
    return !this.hasDefault
  }

  /** The definition this field was built from, with `changes` applied: for copies. */
  toDefinition(changes: Partial<FieldOptions> & { readonly schema?: TSchema } = {}): FieldDefinition {
    const { schema, ...optionChanges } = changes
    return {
      schema: schema ?? this.schema,
      direction: this.direction,
      options: { ...this.options, desc: this.desc, prefix: this.prefix, ...optionChanges },
      typeUndefined: schema === undefined ? this.typeUndefined : false,
    }
  }

  /** DSPy's field equality: same direction, description, prefix, constraints and typed-ness (not the type). */
  sameDeclaration(other: SignatureField): boolean {
    return (
      this.direction === other.direction &&
      this.desc === other.desc &&
      this.prefix === other.prefix &&
      this.constraintsText === other.constraintsText &&
      this.typeUndefined === other.typeUndefined
    )
  }
}

const noConstraints: FieldConstraints = Object.freeze({})

function pickConstraints(options: FieldOptions): FieldConstraints {
  let picked: Record<string, unknown> | undefined
  for (const key in options) {
    const value = options[key as keyof FieldOptions]
    if (value === undefined || !isConstraintKey(key)) continue
    picked ??= {}
    picked[key] = value
  }
  return (picked as FieldConstraints | undefined) ?? noConstraints
}
