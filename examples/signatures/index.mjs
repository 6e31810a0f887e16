// A first look at DSPex, offline: DSPy signatures, their types, and values parsed and formatted as DSPy 3.3.1 does.
import { InputField, OutputField, Signature } from '@dspex/signatures'
import { formatFieldValue, Image, parseValue, promptJSONSchemaText, t } from '@dspex/types'

// 1. DSPy's string form, with Python type syntax. Inputs and outputs are typed statically too.
const rag = Signature.parse('context: list[str], question -> answer, confidence: float')
console.log('Signature:', rag.signatureString)
console.log('Instructions:', rag.instructions)
for (const field of rag.fields) console.log(`  ${field.direction.padEnd(6)} ${field.name}: ${field.typeName}`)

// 2. The builder form (DSPy's class form), with a structured output type.
const Person = t.model('Person', { name: t.string(), age: t.integer(), emails: t.withDefault(t.list(t.string()), []) }, { description: 'A person.' })
const extract = Signature.create({
  name: 'ExtractPerson',
  instructions: 'Extract the person described in the text.',
  fields: {
    text: InputField(t.string(), { desc: 'free text about someone' }),
    photo: InputField(t.optional(t.image())),
    person: OutputField(Person),
    confidence: OutputField(t.number(), { ge: 0, le: 1 }),
  },
})
console.log('\nSignature:', extract.name, extract.signatureString)
console.log('  person is shown to the model with the JSON schema', promptJSONSchemaText(Person))
console.log('  confidence constraints:', extract.field('confidence')?.constraintsText)

// 3. Turning an LM's text into typed values, with DSPy's leniency.
console.log('\nParsing LM text:')
console.log('  "0.85" as float ->', parseValue('0.85', t.number()))
console.log("  \"{'name': 'Ada', 'age': '36'}\" as Person ->", parseValue("{'name': 'Ada', 'age': '36'}", Person))
console.log('  "```json\\n[\\"a\\", \\"b\\",]\\n```" as list[str] ->', parseValue('```json\n["a", "b",]\n```', t.list(t.string())))
try {
  parseValue('about forty', t.integer())
} catch (error) {
  console.log(`  "about forty" as int -> ${error.name}: ${error.message.replaceAll('\n', '\n    ')}`)
}

// 4. Formatting values into prompt text exactly as DSPy does.
console.log('\nFormatting values for prompts:')
console.log('  list for a str field:', JSON.stringify(formatFieldValue(['first passage', 'second\npassage'], t.string())))
console.log('  list[str]:', formatFieldValue(['c1', 'c2'], t.list(t.string())))
console.log('  float 1:', formatFieldValue(1, t.number()), '| bool:', formatFieldValue(true, t.boolean()))
console.log('  image:', new Image('https://example.com/cat.png').repr())

// 5. Saved state in DSPy's layout.
console.log('\nSaved state:', JSON.stringify(extract.dumpState()))
