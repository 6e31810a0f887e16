import type { TypeRegistry } from '@dspex/types'
import type { Static, TSchema } from 'typebox'
import { cleandoc } from './cleandoc.js'
import { SignatureError } from './errors/signature-error.js'
import { isValidFieldName } from './field-name.js'
import type { SignatureInputs, SignatureOutputs } from './infer-signature-types.js'
import { parseSignatureString } from './parse-signature-string.js'
import { type FieldDefinition, type FieldOptions, SignatureField } from './signature-field.js'
import { readSignatureState, type SignatureState } from './signature-state.js'

/** Field definitions of the builder form, by name, in declaration order. */
export type FieldDefinitions = Readonly<Record<string, FieldDefinition>>

/** The static input type of builder-form field definitions. */
export type InputsOf<Fields extends FieldDefinitions> = {
  -readonly [Name in keyof Fields as Fields[Name]['direction'] extends 'input' ? Name : never]: Static<Fields[Name]['schema']>
}

/** The static output type of builder-form field definitions. */
export type OutputsOf<Fields extends FieldDefinitions> = {
  -readonly [Name in keyof Fields as Fields[Name]['direction'] extends 'output' ? Name : never]: Static<Fields[Name]['schema']>
}

/** The static types of a custom-type registry, by name. */
export type StaticRegistry<Registry extends TypeRegistry> = { [Name in keyof Registry]: Static<Registry[Name]> }

/** Options of {@link Signature.parse}. */
export interface ParseSignatureOptions<Registry extends TypeRegistry = TypeRegistry> {
  /** The instructions; DSPy's default sentence when left out. */
  readonly instructions?: string
  /** Types used by name in the string (DSPy's `custom_types`). */
  readonly customTypes?: Registry
  /** The signature's name (DSPy's class name); `StringSignature` by default. */
  readonly name?: string
}

/** Options of {@link Signature.create}. */
export interface CreateSignatureOptions<Fields extends FieldDefinitions> {
  /** The fields, inputs and outputs, in order. */
  readonly fields: Fields
  /** The instructions; DSPy's default sentence when left out. */
  readonly instructions?: string
  /** The signature's name (DSPy's class name); `StringSignature` by default. */
  readonly name?: string
}

/** Changes accepted by {@link Signature.withUpdatedFields}. */
export type FieldChanges = Partial<FieldOptions> & { readonly schema?: TSchema }

/** The static input type of a signature: `InferInputs<typeof qa>`. */
export type InferInputs<Of extends Signature<object, object>> = Of extends Signature<infer Inputs, object> ? Inputs : never

/** The static output type of a signature: `InferOutputs<typeof qa>`. */
export type InferOutputs<Of extends Signature<object, object>> = Of extends Signature<object, infer Outputs> ? Outputs : never

type AddField<Target, Name extends string, Schema extends TSchema> = Target & { [Key in Name]: Static<Schema> }

/**
 * A DSPy signature: named, typed input and output fields plus instructions. Immutable; every
 * manipulation returns a new signature. Everything derived from it (field lists, type names,
 * schemas, and what formats cache through {@link Signature.cached}) is computed once.
 *
 * `Inputs` and `Outputs` are the static types of the fields, inferred from the string form or the
 * builder form.
 *
 * @example
 * ```ts
 * const qa = Signature.parse('question, k: int -> answer: list[str]')
 * qa.inputFields.map((field) => field.typeName) // ['str', 'int']
 * ```
 * @see dspy.Signature
 */
export class Signature<Inputs extends object = Record<string, unknown>, Outputs extends object = Record<string, unknown>> {
  /** Carries the static input and output types; never set at run time. */
  declare readonly '~types'?: { readonly inputs: Inputs; readonly outputs: Outputs }
  /** DSPy's class name: `StringSignature` unless given. */
  readonly name: string
  /** The instructions shown to the model, cleaned as Python's `inspect.cleandoc` does (DSPy does it too). */
  readonly instructions: string
  /** Every field, inputs first, then outputs. */
  readonly fields: readonly SignatureField[]
  /** The input fields in order. */
  readonly inputFields: readonly SignatureField[]
  /** The output fields in order. */
  readonly outputFields: readonly SignatureField[]
  private readonly byName: ReadonlyMap<string, SignatureField>
  private readonly derived = new Map<unknown, unknown>()

  private constructor(name: string, fields: readonly SignatureField[], instructions: string | undefined) {
    this.name = name
    this.inputFields = Object.freeze(fields.filter((field) => field.direction === 'input'))
    this.outputFields = Object.freeze(fields.filter((field) => field.direction === 'output'))
    this.fields = Object.freeze([...this.inputFields, ...this.outputFields])
    this.byName = new Map(this.fields.map((field) => [field.name, field]))
    this.instructions = cleandoc(instructions ?? defaultInstructions(this.inputFields, this.outputFields))
  }

  /**
   * Builds a signature from DSPy's string form, typing its inputs and outputs from the string.
   *
   * @throws {SignatureError} for a malformed string, duplicate names or unknown types.
   * @example
   * ```ts
   * const rag = Signature.parse('context: list[str], question -> answer: float', { instructions: 'Be brief.' })
   * ```
   */
  static parse<Text extends string, Registry extends TypeRegistry = Record<never, TSchema>>(
    text: Text,
    options: ParseSignatureOptions<Registry> = {},
  ): Signature<SignatureInputs<Text, StaticRegistry<Registry>>, SignatureOutputs<Text, StaticRegistry<Registry>>> {
    if (typeof text !== 'string') {
      throw new SignatureError({ message: `A signature string was expected, got ${typeof text}.`, code: 'signature-format' })
    }
    const parsed = parseSignatureString(text, options.customTypes)
    const fields = parsed.map(({ name, definition }) => new SignatureField(name, definition))
    return new Signature(options.name ?? 'StringSignature', fields, options.instructions)
  }

  /**
   * Builds a signature from field definitions (DSPy's class form), typing inputs and outputs
   * from their TypeBox schemas.
   *
   * @throws {SignatureError} when a name is not a valid identifier.
   * @example
   * ```ts
   * const sentiment = Signature.create({
   *   instructions: 'Classify the sentiment of a sentence.',
   *   fields: {
   *     sentence: InputField(Type.String()),
   *     sentiment: OutputField(t.literal('positive', 'negative', 'neutral')),
   *     confidence: OutputField(Type.Number(), { desc: 'between 0 and 1', ge: 0, le: 1 }),
   *   },
   * })
   * ```
   */
  static create<const Fields extends FieldDefinitions>(options: CreateSignatureOptions<Fields>): Signature<InputsOf<Fields>, OutputsOf<Fields>> {
    const fields = Object.entries(options.fields).map(([name, definition]) => {
      assertFieldName(name)
      return new SignatureField(name, definition)
    })
    return new Signature(options.name ?? 'StringSignature', fields, options.instructions)
  }

  /** The field called `name`, or `undefined`. */
  field(name: string): SignatureField | undefined {
    return this.byName.get(name)
  }

  /** DSPy's `signature` string without types: `"context, question -> answer"`. */
  get signatureString(): string {
    const names = (fields: readonly SignatureField[]): string => fields.map((field) => field.name).join(', ')
    return `${names(this.inputFields)} -> ${names(this.outputFields)}`
  }

  /**
   * A value derived from this signature alone, computed on first use and kept: formats cache
   * their prompt skeletons and parsers here. `key` should be a module-level symbol or object.
   */
  cached<Value>(key: object | symbol, compute: (signature: this) => Value): Value {
    if (this.derived.has(key)) return this.derived.get(key) as Value
    const value = compute(this)
    this.derived.set(key, value)
    return value
  }

  /** A copy with new instructions. @see dspy.Signature.with_instructions */
  withInstructions(instructions: string): Signature<Inputs, Outputs> {
    return new Signature(this.name, this.fields, instructions)
  }

  /** A copy with `text` appended to the instructions after a blank line. @see dspy.Signature.append_instructions */
  appendInstructions(text: string): Signature<Inputs, Outputs> {
    return this.withInstructions(`${this.instructions}\n\n${text}`)
  }

  /**
   * A copy where the field `name` has `changes` applied (description, prefix, constraints,
   * default, or a new type through `schema`).
   *
   * @throws {SignatureError} when there is no such field.
   * @see dspy.Signature.with_updated_fields
   */
  withUpdatedFields(name: string, changes: FieldChanges): Signature<Inputs, Outputs> {
    const existing = this.requireField(name)
    const fields = this.fields.map((field) => (field === existing ? new SignatureField(name, field.toDefinition(changes)) : field))
    return new Signature(this.name, fields, this.instructions)
  }

  /** A copy with a field inserted first among the inputs or outputs. @see dspy.Signature.prepend */
  prepend<Name extends string, Schema extends TSchema, Direction extends 'input' | 'output'>(
    name: Name,
    definition: FieldDefinition<Schema, Direction>,
  ): Signature<
    Direction extends 'input' ? AddField<Inputs, Name, Schema> : Inputs,
    Direction extends 'output' ? AddField<Outputs, Name, Schema> : Outputs
  > {
    return this.insert(0, name, definition)
  }

  /** A copy with a field added last among the inputs or outputs. @see dspy.Signature.append */
  append<Name extends string, Schema extends TSchema, Direction extends 'input' | 'output'>(
    name: Name,
    definition: FieldDefinition<Schema, Direction>,
  ): Signature<
    Direction extends 'input' ? AddField<Inputs, Name, Schema> : Inputs,
    Direction extends 'output' ? AddField<Outputs, Name, Schema> : Outputs
  > {
    return this.insert(-1, name, definition)
  }

  /**
   * A copy with a field inserted at `index` among the inputs or outputs (by the definition's
   * direction); negative indices count from the end, `-1` appends.
   *
   * @throws {SignatureError} for an index out of range, a name already used or an invalid name.
   * @see dspy.Signature.insert
   */
  insert<Name extends string, Schema extends TSchema, Direction extends 'input' | 'output'>(
    index: number,
    name: Name,
    definition: FieldDefinition<Schema, Direction>,
  ): Signature<
    Direction extends 'input' ? AddField<Inputs, Name, Schema> : Inputs,
    Direction extends 'output' ? AddField<Outputs, Name, Schema> : Outputs
  > {
    assertFieldName(name)
    if (this.byName.has(name)) {
      throw new SignatureError({ message: `The signature already has a field named '${name}'.`, code: 'signature-duplicate-field' })
    }
    const section = [...(definition.direction === 'input' ? this.inputFields : this.outputFields)]
    const position = index < 0 ? index + section.length + 1 : index
    if (!Number.isInteger(index) || position < 0 || position > section.length) {
      throw new SignatureError({
        message: `Invalid index to insert: ${index}, index must be in the range of [${section.length - 1}, ${section.length}] for ${definition.direction} fields, but received: ${index}.`,
        code: 'signature-field-missing',
      })
    }
    section.splice(position, 0, new SignatureField(name, definition))
    const fields = definition.direction === 'input' ? [...section, ...this.outputFields] : [...this.inputFields, ...section]
    return new Signature(this.name, fields, this.instructions)
  }

  /** A copy without the field `name` (unchanged when there is none, as in DSPy). @see dspy.Signature.delete */
  delete<Name extends string>(name: Name): Signature<Omit<Inputs, Name>, Omit<Outputs, Name>> {
    return new Signature(
      this.name,
      this.fields.filter((field) => field.name !== name),
      this.instructions,
    )
  }

  /**
   * DSPy's equality: same instructions and, for every field name, the same direction, description,
   * prefix and constraints. Field types are not compared, as in DSPy.
   *
   * @see dspy.Signature.equals
   */
  equals(other: unknown): boolean {
    if (!(other instanceof Signature) || other.instructions !== this.instructions) return false
    if (other.fields.length !== this.fields.length) return false
    return this.fields.every((field) => {
      const counterpart = other.field(field.name)
      return counterpart !== undefined && field.sameDeclaration(counterpart)
    })
  }

  /** The saved state in DSPy's layout: `{instructions, fields: [{prefix, description}]}`. @see dspy.Signature.dump_state */
  dumpState(): SignatureState {
    return {
      instructions: this.instructions,
      fields: this.fields.map((field) => ({ prefix: field.prefix, description: field.desc })),
    }
  }

  /**
   * A copy with saved state applied: new instructions, and prefixes and descriptions overwritten
   * by position (inputs then outputs), as DSPy does; saved fields beyond this signature's are ignored.
   *
   * @throws {SignatureError} (`signature-state`) naming the first key that does not have DSPy's layout.
   * @see dspy.Signature.load_state
   */
  loadState(state: unknown): Signature<Inputs, Outputs> {
    const { instructions, fields: saved } = readSignatureState(state)
    const fields = this.fields.map((field, index) => {
      const entry = saved[index]
      return entry === undefined ? field : new SignatureField(field.name, field.toDefinition({ prefix: entry.prefix, desc: entry.description }))
    })
    return new Signature(this.name, fields, instructions)
  }

  /** `Name(inputs -> outputs)` with the instructions, for logs. */
  toString(): string {
    return `${this.name}(${this.signatureString}\n    instructions=${JSON.stringify(this.instructions)})`
  }

  private requireField(name: string): SignatureField {
    const field = this.byName.get(name)
    if (field === undefined) {
      throw new SignatureError({
        message: `The signature has no field named '${name}' (fields: ${this.fields.map((entry) => entry.name).join(', ')}).`,
        code: 'signature-field-missing',
      })
    }
    return field
  }
}

function defaultInstructions(inputs: readonly SignatureField[], outputs: readonly SignatureField[]): string {
  const list = (fields: readonly SignatureField[]): string => fields.map((field) => `\`${field.name}\``).join(', ')
  return `Given the fields ${list(inputs)}, produce the fields ${list(outputs)}.`
}

function assertFieldName(name: string): void {
  if (!isValidFieldName(name)) {
    throw new SignatureError({
      message: `'${name}' is not a valid field name: use a Python identifier (letters, digits, underscores, not starting with a digit) that is not a Python keyword.`,
      code: 'signature-syntax',
    })
  }
}
