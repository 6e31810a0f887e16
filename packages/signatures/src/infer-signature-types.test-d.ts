import { type ToolCalls, t } from '@dspex/types'
import { Type } from 'typebox'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  AudioValue,
  CitationsValue,
  DocumentValue,
  FileValue,
  HistoryValue,
  ImageValue,
  PythonTypeToStatic,
  SignatureInputs,
  SignatureOutputs,
  StaticOfSchemaFields,
  ToolCallResultsValue,
  ToolCallsValue,
} from './infer-signature-types.js'

interface Person {
  name: string
  age: number
}

interface Address {
  street: string
}

describe('SignatureInputs and SignatureOutputs', () => {
  it('reads the example of the brief', () => {
    expectTypeOf<SignatureInputs<'question, k: int -> answer: list[str]'>>().toEqualTypeOf<{
      question: string
      k: number
    }>()
    expectTypeOf<SignatureOutputs<'question, k: int -> answer: list[str]'>>().toEqualTypeOf<{ answer: string[] }>()
  })

  it('makes an untyped field a string', () => {
    expectTypeOf<SignatureInputs<'question -> answer'>>().toEqualTypeOf<{ question: string }>()
    expectTypeOf<SignatureOutputs<'question -> answer'>>().toEqualTypeOf<{ answer: string }>()
  })

  it('keeps several fields on each side', () => {
    type Signature = 'context: list[str], question -> reasoning, answer: float, confident: bool'
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<{ context: string[]; question: string }>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{ reasoning: string; answer: number; confident: boolean }>()
  })

  it('accepts an empty input side', () => {
    expectTypeOf<SignatureInputs<'-> answer'>>().toEqualTypeOf<Record<never, never>>()
    expectTypeOf<SignatureOutputs<'-> answer'>>().toEqualTypeOf<{ answer: string }>()
  })

  it('ignores a trailing comma, as Python does', () => {
    expectTypeOf<SignatureInputs<'a, b, -> c'>>().toEqualTypeOf<{ a: string; b: string }>()
  })
})

describe('whitespace', () => {
  it('needs none around the arrow, colon or commas', () => {
    expectTypeOf<SignatureInputs<'a:int,b->c:list[str]'>>().toEqualTypeOf<{ a: number; b: string }>()
    expectTypeOf<SignatureOutputs<'a:int,b->c:list[str]'>>().toEqualTypeOf<{ c: string[] }>()
  })

  it('trims spaces, tabs and newlines everywhere', () => {
    type Signature = '  question  :  str ,\n\tk :int\n->\n  answer :  list[ str ]  ,  score : dict[ str ,  float ]  '
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<{ question: string; k: number }>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{ answer: string[]; score: Record<string, number> }>()
  })

  it('reads a signature written over several lines', () => {
    type Signature = `
      context: list[str],
      question: str
      ->
      answer: str
    `
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<{ context: string[]; question: string }>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{ answer: string }>()
  })
})

describe('PythonTypeToStatic: plain names', () => {
  it('maps the scalar names', () => {
    expectTypeOf<PythonTypeToStatic<'str'>>().toEqualTypeOf<string>()
    expectTypeOf<PythonTypeToStatic<'int'>>().toEqualTypeOf<number>()
    expectTypeOf<PythonTypeToStatic<'float'>>().toEqualTypeOf<number>()
    expectTypeOf<PythonTypeToStatic<'bool'>>().toEqualTypeOf<boolean>()
    expectTypeOf<PythonTypeToStatic<'Any'>>().toEqualTypeOf<unknown>()
    expectTypeOf<PythonTypeToStatic<'None'>>().toEqualTypeOf<null>()
    expectTypeOf<PythonTypeToStatic<'NoneType'>>().toEqualTypeOf<null>()
  })

  it('maps bare containers to their widest form', () => {
    expectTypeOf<PythonTypeToStatic<'list'>>().toEqualTypeOf<unknown[]>()
    expectTypeOf<PythonTypeToStatic<'List'>>().toEqualTypeOf<unknown[]>()
    expectTypeOf<PythonTypeToStatic<'set'>>().toEqualTypeOf<unknown[]>()
    expectTypeOf<PythonTypeToStatic<'tuple'>>().toEqualTypeOf<unknown[]>()
    expectTypeOf<PythonTypeToStatic<'dict'>>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<PythonTypeToStatic<'Dict'>>().toEqualTypeOf<Record<string, unknown>>()
  })

  it('strips the typing., dspy. and builtins. prefixes', () => {
    expectTypeOf<PythonTypeToStatic<'typing.Any'>>().toEqualTypeOf<unknown>()
    expectTypeOf<PythonTypeToStatic<'builtins.int'>>().toEqualTypeOf<number>()
    expectTypeOf<PythonTypeToStatic<'typing.List[str]'>>().toEqualTypeOf<string[]>()
    expectTypeOf<PythonTypeToStatic<'typing.Optional[typing.Dict[str, int]]'>>().toEqualTypeOf<Record<string, number> | null>()
    expectTypeOf<PythonTypeToStatic<'dspy.Image'>>().toEqualTypeOf<ImageValue>()
    expectTypeOf<PythonTypeToStatic<'dspy.experimental.Document'>>().toEqualTypeOf<DocumentValue>()
  })

  it('gives unknown for a name it does not know, never an error', () => {
    expectTypeOf<PythonTypeToStatic<'Person'>>().toEqualTypeOf<unknown>()
    expectTypeOf<PythonTypeToStatic<'list[Person]'>>().toEqualTypeOf<unknown[]>()
    expectTypeOf<PythonTypeToStatic<'Person[int]'>>().toEqualTypeOf<unknown>()
    expectTypeOf<SignatureOutputs<'q -> person: Person'>>().toEqualTypeOf<{ person: unknown }>()
  })
})

describe('PythonTypeToStatic: generics', () => {
  it('maps list, set and frozenset to arrays', () => {
    expectTypeOf<PythonTypeToStatic<'list[str]'>>().toEqualTypeOf<string[]>()
    expectTypeOf<PythonTypeToStatic<'List[int]'>>().toEqualTypeOf<number[]>()
    expectTypeOf<PythonTypeToStatic<'set[str]'>>().toEqualTypeOf<string[]>()
    expectTypeOf<PythonTypeToStatic<'Set[bool]'>>().toEqualTypeOf<boolean[]>()
    expectTypeOf<PythonTypeToStatic<'frozenset[float]'>>().toEqualTypeOf<number[]>()
  })

  it('maps tuple to a fixed-length array', () => {
    expectTypeOf<PythonTypeToStatic<'tuple[int, str]'>>().toEqualTypeOf<[number, string]>()
    expectTypeOf<PythonTypeToStatic<'Tuple[int, str, bool]'>>().toEqualTypeOf<[number, string, boolean]>()
    expectTypeOf<PythonTypeToStatic<'tuple[int]'>>().toEqualTypeOf<[number]>()
    expectTypeOf<PythonTypeToStatic<'tuple[int, str,]'>>().toEqualTypeOf<[number, string]>()
  })

  it('maps dict to a record of its value type', () => {
    expectTypeOf<PythonTypeToStatic<'dict[str, int]'>>().toEqualTypeOf<Record<string, number>>()
    expectTypeOf<PythonTypeToStatic<'Dict[str, list[str]]'>>().toEqualTypeOf<Record<string, string[]>>()
    expectTypeOf<PythonTypeToStatic<'dict[int, bool]'>>().toEqualTypeOf<Record<string, boolean>>()
  })

  it('maps Optional and Union', () => {
    expectTypeOf<PythonTypeToStatic<'Optional[int]'>>().toEqualTypeOf<number | null>()
    expectTypeOf<PythonTypeToStatic<'Union[int, str]'>>().toEqualTypeOf<number | string>()
    expectTypeOf<PythonTypeToStatic<'Union[int, str, None]'>>().toEqualTypeOf<number | string | null>()
    expectTypeOf<PythonTypeToStatic<'Union[list[str], dict[str, int]]'>>().toEqualTypeOf<string[] | Record<string, number>>()
    expectTypeOf<PythonTypeToStatic<'Union[int]'>>().toEqualTypeOf<number>()
  })

  it('nests five levels deep', () => {
    expectTypeOf<PythonTypeToStatic<'list[list[list[list[list[int]]]]]'>>().toEqualTypeOf<number[][][][][]>()
    expectTypeOf<PythonTypeToStatic<'dict[str, list[tuple[int, Optional[list[Literal["a", "b"]]]]]]'>>().toEqualTypeOf<
      Record<string, [number, ('a' | 'b')[] | null][]>
    >()
    expectTypeOf<SignatureOutputs<'q -> grid: list[list[dict[str, Union[int, list[str]]]]]'>>().toEqualTypeOf<{
      grid: Record<string, number | string[]>[][]
    }>()
  })

  it('does not split fields at commas inside brackets', () => {
    type Signature = 'x: dict[str, int], y -> z: tuple[int, str, float], w'
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<{ x: Record<string, number>; y: string }>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{ z: [number, string, number]; w: string }>()
  })

  it('maps Code, with or without a language, to string', () => {
    expectTypeOf<PythonTypeToStatic<'Code'>>().toEqualTypeOf<string>()
    expectTypeOf<PythonTypeToStatic<'Code["java"]'>>().toEqualTypeOf<string>()
    expectTypeOf<PythonTypeToStatic<"dspy.Code['python']">>().toEqualTypeOf<string>()
  })
})

describe('PythonTypeToStatic: Literal', () => {
  it('strips single and double quotes', () => {
    expectTypeOf<PythonTypeToStatic<`Literal['a', "b"]`>>().toEqualTypeOf<'a' | 'b'>()
    expectTypeOf<PythonTypeToStatic<"typing.Literal['yes']">>().toEqualTypeOf<'yes'>()
  })

  it('reads numbers, True, False and None', () => {
    expectTypeOf<PythonTypeToStatic<'Literal[1, 2.5, -3]'>>().toEqualTypeOf<1 | 2.5 | -3>()
    expectTypeOf<PythonTypeToStatic<'Literal[True, False]'>>().toEqualTypeOf<boolean>()
    expectTypeOf<PythonTypeToStatic<"Literal['a', 1, True, None]">>().toEqualTypeOf<'a' | 1 | true | null>()
  })

  it('widens a number it cannot spell back to number', () => {
    expectTypeOf<PythonTypeToStatic<'Literal[1_000, 0x1F]'>>().toEqualTypeOf<number>()
  })

  it('keeps commas, brackets, bars and colons inside quotes', () => {
    expectTypeOf<PythonTypeToStatic<`Literal["a, b", 'c]']`>>().toEqualTypeOf<'a, b' | 'c]'>()
    expectTypeOf<PythonTypeToStatic<`Literal['[x', "y|z", 'k: v']`>>().toEqualTypeOf<'[x' | 'y|z' | 'k: v'>()
    type Signature = `q -> label: Literal["a, b", 'c]'], note: Literal['x|y'] | None, other`
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{
      label: 'a, b' | 'c]'
      note: 'x|y' | null
      other: string
    }>()
  })

  it('reads escaped quotes as Python does', () => {
    expectTypeOf<PythonTypeToStatic<'Literal[\'it\\\'s\', "say \\"hi\\""]'>>().toEqualTypeOf<"it's" | 'say "hi"'>()
    expectTypeOf<SignatureOutputs<"q -> a: Literal['it\\'s, fine', 'b']">>().toEqualTypeOf<{ a: "it's, fine" | 'b' }>()
  })
})

describe('PythonTypeToStatic: PEP 604 unions', () => {
  it('reads A | B at the top level and inside generics', () => {
    expectTypeOf<PythonTypeToStatic<'int | str'>>().toEqualTypeOf<number | string>()
    expectTypeOf<PythonTypeToStatic<'int | None'>>().toEqualTypeOf<number | null>()
    expectTypeOf<PythonTypeToStatic<'list[int | None]'>>().toEqualTypeOf<(number | null)[]>()
    expectTypeOf<PythonTypeToStatic<'list[str] | dict[str, int] | None'>>().toEqualTypeOf<string[] | Record<string, number> | null>()
    expectTypeOf<PythonTypeToStatic<'Optional[int|str]'>>().toEqualTypeOf<number | string | null>()
  })

  it('reads unions in fields without splitting them', () => {
    type Signature = 'a: int | None, b: list[str | int] -> c: str|None'
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<{ a: number | null; b: (string | number)[] }>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{ c: string | null }>()
  })
})

describe('special types', () => {
  it('maps each special type to its value interface', () => {
    type Signature =
      'image: Image, audio: Audio, file: File, history: History, doc: Document -> calls: ToolCalls, results: ToolCallResults, code: Code, thought: Reasoning, cites: Citations, tool: Tool'
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<{
      image: ImageValue
      audio: AudioValue
      file: FileValue
      history: HistoryValue
      doc: DocumentValue
    }>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<{
      calls: ToolCalls
      results: ToolCallResultsValue
      code: string
      thought: string
      cites: CitationsValue
      tool: unknown
    }>()
    // The tool calls a prediction returns can be run: DSPy's `pred.tool_calls.tool_calls[0].execute(...)`.
    expectTypeOf<SignatureOutputs<Signature>['calls']['tool_calls'][number]['execute']>().toBeFunction()
  })

  it('gives values usable as plain data', () => {
    expectTypeOf<ImageValue>().toEqualTypeOf<{ url: string }>()
    expectTypeOf<{ file_id: 'f-1' }>().toExtend<FileValue>()
    expectTypeOf<{ tool_calls: [{ name: 'search'; args: { q: 'x' } }] }>().toExtend<ToolCallsValue>()
    expectTypeOf<PythonTypeToStatic<'list[dspy.Image]'>>().toEqualTypeOf<ImageValue[]>()
  })
})

describe('custom type registry', () => {
  type Registry = { Person: Person; Address: Address }

  it('looks names up in the registry', () => {
    type Signature = 'text -> person: Person, people: list[Person], home: Optional[Address]'
    expectTypeOf<SignatureOutputs<Signature, Registry>>().toEqualTypeOf<{
      person: Person
      people: Person[]
      home: Address | null
    }>()
    expectTypeOf<SignatureInputs<'who: Person -> ok: bool', Registry>>().toEqualTypeOf<{ who: Person }>()
  })

  it('resolves a dotted name by its last segment and a quoted forward reference', () => {
    expectTypeOf<PythonTypeToStatic<'models.Person', Registry>>().toEqualTypeOf<Person>()
    expectTypeOf<PythonTypeToStatic<"list['Person']", Registry>>().toEqualTypeOf<Person[]>()
    expectTypeOf<PythonTypeToStatic<'Person | None', Registry>>().toEqualTypeOf<Person | null>()
  })

  it('prefers the whole dotted name when it is registered', () => {
    type Dotted = { 'models.Person': Address; Person: Person }
    expectTypeOf<PythonTypeToStatic<'models.Person', Dotted>>().toEqualTypeOf<Address>()
  })

  it('lets a registry name win over a built-in one, as at run time', () => {
    expectTypeOf<PythonTypeToStatic<'Tool', { Tool: { name: string } }>>().toEqualTypeOf<{ name: string }>()
  })

  it('accepts an interface as a registry', () => {
    interface InterfaceRegistry {
      Person: Person
    }
    expectTypeOf<SignatureOutputs<'q -> p: Person', InterfaceRegistry>>().toEqualTypeOf<{ p: Person }>()
  })

  it('takes a run-time registry of schemas through StaticOfSchemaFields', () => {
    const customTypes = { Person: t.model('Person', { name: t.string(), age: t.integer() }) }
    type Registry = StaticOfSchemaFields<typeof customTypes>
    expectTypeOf<SignatureOutputs<'q -> people: list[Person]', Registry>>().toEqualTypeOf<{
      people: { name: string; age: number }[]
    }>()
  })
})

describe('long signatures', () => {
  it('reads 30 typed fields on each side', () => {
    type First =
      'f1: int, f2: str, f3: list[str], f4: dict[str, int], f5: bool, f6: float, f7: Optional[int], f8: int | None, f9, f10: tuple[int, str]'
    type Second =
      'f11: int, f12: str, f13: list[str], f14: dict[str, int], f15: bool, f16: float, f17: Optional[int], f18: int | None, f19, f20: tuple[int, str]'
    type Third =
      `f21: int, f22: str, f23: list[str], f24: dict[str, int], f25: bool, f26: float, f27: Optional[int], f28: int | None, f29, f30: Literal["a, b", 'c']`
    type Inputs = `${First}, ${Second}, ${Third}`
    type Signature = `${Inputs} -> ${Inputs}`
    type Expected = {
      f1: number
      f2: string
      f3: string[]
      f4: Record<string, number>
      f5: boolean
      f6: number
      f7: number | null
      f8: number | null
      f9: string
      f10: [number, string]
      f11: number
      f12: string
      f13: string[]
      f14: Record<string, number>
      f15: boolean
      f16: number
      f17: number | null
      f18: number | null
      f19: string
      f20: [number, string]
      f21: number
      f22: string
      f23: string[]
      f24: Record<string, number>
      f25: boolean
      f26: number
      f27: number | null
      f28: number | null
      f29: string
      f30: 'a, b' | 'c'
    }
    expectTypeOf<SignatureInputs<Signature>>().toEqualTypeOf<Expected>()
    expectTypeOf<SignatureOutputs<Signature>>().toEqualTypeOf<Expected>()
  })
})

describe('strings that are not literal or not well formed', () => {
  it('gives Record<string, unknown> on both sides for a non-literal string', () => {
    expectTypeOf<SignatureInputs<string>>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<SignatureOutputs<string>>().toEqualTypeOf<Record<string, unknown>>()
  })

  it('gives never without exactly one arrow', () => {
    expectTypeOf<SignatureInputs<'a b'>>().toBeNever()
    expectTypeOf<SignatureOutputs<'a b'>>().toBeNever()
    expectTypeOf<SignatureInputs<'a -> b -> c'>>().toBeNever()
    expectTypeOf<SignatureOutputs<'a -> b -> c'>>().toBeNever()
  })

  it('gives unknown, not a compile error, for an unclosed quote or bracket', () => {
    expectTypeOf<SignatureOutputs<"q -> a: Literal['x, b: int">>().toEqualTypeOf<{ a: unknown }>()
    expectTypeOf<SignatureOutputs<'q -> a: list[str, b: int'>>().toEqualTypeOf<{ a: unknown }>()
    expectTypeOf<SignatureOutputs<'q -> a: str], b: int'>>().toEqualTypeOf<{ a: unknown; b: number }>()
  })

  it('distributes over a union of signature strings', () => {
    expectTypeOf<SignatureOutputs<'a -> b' | 'a -> c: int'>>().toEqualTypeOf<{ b: string } | { c: number }>()
  })
})

describe('rejected values', () => {
  it('rejects a wrong property type', () => {
    type Inputs = SignatureInputs<'question, k: int -> answer'>
    const good: Inputs = { question: 'q', k: 3 }
    expectTypeOf(good).toEqualTypeOf<Inputs>()
    // @ts-expect-error k is an int
    const badType: Inputs = { question: 'q', k: 'x' }
    // @ts-expect-error question is required
    const missing: Inputs = { k: 3 }
    // @ts-expect-error there is no field called query
    const unknownName: Inputs = { question: 'q', k: 3, query: 'x' }
    void [badType, missing, unknownName]
  })

  it('rejects values outside a Literal or of the wrong container', () => {
    type Outputs = SignatureOutputs<"q -> label: Literal['yes', 'no'], tags: list[str], pair: tuple[int, str]">
    const good: Outputs = { label: 'yes', tags: ['a'], pair: [1, 'a'] }
    expectTypeOf(good).toEqualTypeOf<Outputs>()
    // @ts-expect-error maybe is not one of the literal values
    const badLabel: Outputs = { label: 'maybe', tags: [], pair: [1, 'a'] }
    // @ts-expect-error tags is a list of strings
    const badTags: Outputs = { label: 'no', tags: [1], pair: [1, 'a'] }
    // @ts-expect-error the tuple has two items in this order
    const badPair: Outputs = { label: 'no', tags: [], pair: ['a', 1] }
    void [badLabel, badTags, badPair]
  })

  it('rejects null where the type is not optional, and accepts it where it is', () => {
    type Outputs = SignatureOutputs<'q -> a: int | None, b: int'>
    const good: Outputs = { a: null, b: 1 }
    expectTypeOf(good).toEqualTypeOf<Outputs>()
    // @ts-expect-error b is not optional
    const bad: Outputs = { a: 1, b: null }
    void bad
  })

  it('rejects any value for a malformed signature', () => {
    // @ts-expect-error the signature has no arrow, so its inputs are never
    const inputs: SignatureInputs<'question answer'> = { question: 'q' }
    void inputs
  })

  it('rejects a wrong registry type', () => {
    type Outputs = SignatureOutputs<'q -> person: Person', { Person: Person }>
    // @ts-expect-error age is a number
    const bad: Outputs = { person: { name: 'a', age: '3' } }
    void bad
  })
})

describe('StaticOfSchemaFields', () => {
  it('maps plain TypeBox schemas', () => {
    const fields = { question: t.string(), k: t.integer(), score: Type.Number(), ok: t.boolean() }
    expectTypeOf<StaticOfSchemaFields<typeof fields>>().toEqualTypeOf<{
      question: string
      k: number
      score: number
      ok: boolean
    }>()
  })

  it('maps field definitions with a schema key', () => {
    const fields = {
      answer: { schema: t.list(t.string()), description: 'the answer' },
      label: { schema: Type.Union([Type.Literal('yes'), Type.Literal('no')]) },
    } as const
    expectTypeOf<StaticOfSchemaFields<typeof fields>>().toEqualTypeOf<{ answer: string[]; label: 'yes' | 'no' }>()
  })

  it('maps t.literal to its values', () => {
    const fields = { label: t.literal('yes', 'no', 3), flag: { schema: t.literal(true) } }
    expectTypeOf<StaticOfSchemaFields<typeof fields>>().toEqualTypeOf<{ label: 'yes' | 'no' | 3; flag: true }>()
    const good: StaticOfSchemaFields<typeof fields> = { label: 'no', flag: true }
    expectTypeOf(good.label).toEqualTypeOf<'yes' | 'no' | 3>()
    // @ts-expect-error maybe is not a label
    const bad: StaticOfSchemaFields<typeof fields> = { label: 'maybe', flag: true }
    void bad
  })

  it('maps t.optional, t.model, t.list, t.enum, t.dict and t.tuple', () => {
    const Person = t.model('Person', { name: t.string(), age: t.optional(t.integer()) })
    const Color = t.enum('Color', { RED: 'red', GREEN: 'green' })
    const fields = {
      person: Person,
      people: t.list(Person),
      color: Color,
      maybe: t.optional(t.string()),
      counts: t.dict(t.integer()),
      pair: t.tuple([t.integer(), t.string()]),
      either: t.union([t.integer(), t.string()]),
    }
    expectTypeOf<StaticOfSchemaFields<typeof fields>>().toEqualTypeOf<{
      person: { name: string; age: number | null }
      people: { name: string; age: number | null }[]
      color: 'red' | 'green'
      maybe: string | null
      counts: Record<string, number>
      pair: [number, string]
      either: number | string
    }>()
  })

  it('rejects a wrong value for a builder field', () => {
    const fields = { tags: t.list(t.string()), n: { schema: t.integer() }, person: t.model('P', { name: t.string() }) }
    type Values = StaticOfSchemaFields<typeof fields>
    const good: Values = { tags: ['a'], n: 1, person: { name: 'a' } }
    expectTypeOf(good).toEqualTypeOf<Values>()
    // @ts-expect-error tags is a list of strings
    const badTags: Values = { tags: [1], n: 1, person: { name: 'a' } }
    // @ts-expect-error n is a number
    const badNumber: Values = { tags: [], n: '1', person: { name: 'a' } }
    // @ts-expect-error the person needs a name
    const badPerson: Values = { tags: [], n: 1, person: {} }
    void [badTags, badNumber, badPerson]
  })

  it('gives unknown for an entry that is no schema', () => {
    expectTypeOf<StaticOfSchemaFields<{ a: null }>>().toEqualTypeOf<{ a: unknown }>()
  })
})
