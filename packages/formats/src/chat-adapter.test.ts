import { InputField, OutputField, Signature } from '@dspex/signatures'
import { t, type ValueParseError, ValueSerializationError } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { allCapabilities, FakeAPIError, scriptedModel } from './__fixtures__/scripted-model.js'
import { ChatAdapter } from './chat-adapter.js'
import { defaultFallbackAdapter } from './default-fallback-adapter.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
// Loading json-adapter.ts makes a JSONAdapter every ChatAdapter's default fallback, as the package's index does.
import { JSONAdapter } from './json-adapter.js'
import { XMLAdapter } from './xml-adapter.js'

const qa = Signature.parse('question -> answer', { instructions: 'Answer the question.' })

describe('ChatAdapter.format', () => {
  it('writes DSPy’s simplest transcript byte for byte', () => {
    expect(new ChatAdapter().format(qa, [], { question: 'What is the capital of France?' })).toEqual([
      {
        role: 'system',
        content:
          'Your input fields are:\n1. `question` (str):\nYour output fields are:\n1. `answer` (str):\nAll interactions will be structured in the following way, with the appropriate values filled in.\n\n[[ ## question ## ]]\n{question}\n\n[[ ## answer ## ]]\n{answer}\n\n[[ ## completed ## ]]\nIn adhering to this structure, your objective is: \n        Answer the question.',
      },
      {
        role: 'user',
        content:
          '[[ ## question ## ]]\nWhat is the capital of France?\n\nRespond with the corresponding output fields, starting with the field `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
      },
    ])
  })

  it('notes each output type and lists non-str outputs in the requirements', () => {
    const typed = Signature.parse('question -> n: int, ok: bool, tags: list[str]')
    const [system, user] = new ChatAdapter().format(typed, [], { question: 'q' })
    expect(system?.content).toContain('{n}        # note: the value you produce must be a single int value')
    expect(system?.content).toContain('{ok}        # note: the value you produce must be True or False')
    expect(system?.content).toContain(
      '{tags}        # note: the value you produce must adhere to the JSON schema: {"type": "array", "items": {"type": "string"}}',
    )
    expect(user?.content).toContain(
      '`[[ ## n ## ]]` (must be formatted as a valid Python int), then `[[ ## ok ## ]]` (must be formatted as a valid Python bool), then `[[ ## tags ## ]]` (must be formatted as a valid Python list[str])',
    )
  })

  it('shows incomplete demos first, fills their missing outputs, and drops demos without inputs or outputs', () => {
    const demos = [
      { question: 'complete?', answer: 'yes', extra: 'e' },
      { question: 'input only' },
      { answer: 'output only' },
      { question: 'answer is None?', answer: null },
    ]
    const messages = new ChatAdapter().format(Signature.parse('question -> answer, extra'), demos, { question: 'final' })
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user'])
    expect(messages[1]?.content).toBe(
      'This is an example of the task, though some input or output fields are not supplied.\n\n[[ ## question ## ]]\nanswer is None?',
    )
    expect(messages[2]?.content).toBe(
      '[[ ## answer ## ]]\nNone\n\n[[ ## extra ## ]]\nNot supplied for this particular example.\n\n[[ ## completed ## ]]\n',
    )
    expect(messages[3]?.content).toBe('[[ ## question ## ]]\ncomplete?')
    expect(messages[4]?.content).toBe('[[ ## answer ## ]]\nyes\n\n[[ ## extra ## ]]\ne\n\n[[ ## completed ## ]]\n')
  })

  it('writes the task description with DSPy’s indentation, blank lines included', () => {
    const signature = qa.withInstructions('Line one.\n\n  Indented.\nBack.')
    expect(new ChatAdapter().formatTaskDescription(signature)).toBe(
      'In adhering to this structure, your objective is: \n        Line one.\n        \n          Indented.\n        Back.',
    )
  })

  it('builds the system message once per signature', () => {
    class CountingAdapter extends ChatAdapter {
      calls = 0
      override formatFieldDescription(signature: Parameters<ChatAdapter['formatFieldDescription']>[0]): string {
        this.calls += 1
        return super.formatFieldDescription(signature)
      }
    }
    const adapter = new CountingAdapter()
    const signature = Signature.parse('a -> b')
    adapter.format(signature, [], { a: '1' })
    adapter.format(signature, [], { a: '2' })
    expect(adapter.calls).toBe(1)
  })
})

describe('ChatAdapter.parse', () => {
  const rag = Signature.parse('question -> answer, confidence: float')

  it('parses each output section by its type, the first section of a field winning', () => {
    expect(new ChatAdapter().parse(rag, 'Sure.\n[[ ## answer ## ]]\nParis\n\n[[ ## confidence ## ]]\n0.9\n\n[[ ## answer ## ]]\nLyon')).toEqual({
      answer: 'Paris',
      confidence: 0.9,
    })
  })

  it('names the field whose value does not fit, with DSPy’s message', () => {
    const completion = '[[ ## answer ## ]]\nParis\n\n[[ ## confidence ## ]]\nhigh'
    const error = catchError(() => new ChatAdapter().parse(rag, completion))
    expect(AdapterParseError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ adapterName: 'ChatAdapter', fieldName: 'confidence', lmResponse: completion, parsedResult: { answer: 'Paris' } })
    expect((error as Error).message).toMatch(/^Failed to parse field confidence with value high from the LM response\. Error message: /)
    expect((error as Error).message).toMatch(/\n\nExpected to find output fields in the LM response: \[answer, confidence\] \n\n$/)
  })

  it('reports missing fields with the fields it did parse', () => {
    const error = catchError(() => new ChatAdapter().parse(rag, '[[ ## answer ## ]]\nParis')) as AdapterParseError
    expect(error.fieldName).toBe('confidence')
    expect(error.message).toBe(
      'Adapter ChatAdapter failed to parse the LM response. \n\nLM Response: [[ ## answer ## ]]\nParis \n\nExpected to find output fields in the LM response: [answer, confidence] \n\nActual output fields parsed from the LM response: [answer] \n\n',
    )
  })

  it('fills optional outputs: declared defaults, then None for Optional types', () => {
    const signature = Signature.create({
      fields: {
        question: InputField(),
        answer: OutputField(t.string()),
        notes: OutputField(t.optional(t.string())),
        tags: OutputField(t.list(t.string()), { default: [] }),
      },
    })
    expect(new ChatAdapter().parse(signature, '[[ ## answer ## ]]\n4')).toEqual({ answer: '4', notes: null, tags: [] })
  })
})

describe('ChatAdapter.call', () => {
  it('parses every completion', async () => {
    const model = scriptedModel([[{ text: '[[ ## answer ## ]]\nParis' }, { text: '[[ ## answer ## ]]\nLyon' }]])
    await expect(new ChatAdapter().call(model, { signature: qa, inputs: { question: 'q' }, request: { n: 2 } })).resolves.toEqual([
      { answer: 'Paris' },
      { answer: 'Lyon' },
    ])
    expect(model.requests[0]?.n).toBe(2)
  })

  it('retries the whole call once with the JSON adapter when parsing fails', async () => {
    const model = scriptedModel(['no headers here', '{"answer": "Paris"}'], allCapabilities)
    await expect(new ChatAdapter().call(model, { signature: qa, inputs: { question: 'q' } })).resolves.toEqual([{ answer: 'Paris' }])
    expect(model.requests).toHaveLength(2)
    expect(model.requests[1]?.responseFormat).toMatchObject({ type: 'json_schema', name: 'DSPyProgramOutputs' })
    expect(model.requests[1]?.messages[0]?.content).toContain('Outputs will be a JSON object with the following fields.')
  })

  it('throws the JSON adapter’s error when the retry fails too', async () => {
    const model = scriptedModel(['nothing', 'still nothing', 'nothing again'], allCapabilities)
    const error = await new ChatAdapter().call(model, { signature: qa, inputs: { question: 'q' } }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AdapterParseError)
    expect((error as AdapterParseError).adapterName).toBe('JSONAdapter')
  })

  it('never retries an API error or an aborted call', async () => {
    const apiError = new FakeAPIError('rate limited')
    const model = scriptedModel([apiError])
    await expect(new ChatAdapter().call(model, { signature: qa, inputs: { question: 'q' } })).rejects.toBe(apiError)
    expect(model.requests).toHaveLength(1)

    const controller = new AbortController()
    controller.abort()
    const aborted = scriptedModel([new Error('aborted')])
    await expect(
      new ChatAdapter().call(aborted, { signature: qa, inputs: { question: 'q' }, request: { signal: controller.signal } }),
    ).rejects.toThrow('aborted')
    expect(aborted.requests).toHaveLength(1)
  })

  it('falls back by default to a JSONAdapter with its own native-tool options', () => {
    const fallback = defaultFallbackAdapter(new ChatAdapter({ useNativeFunctionCalling: true, parallelToolCalls: false }))
    expect(fallback).toBeInstanceOf(JSONAdapter)
    expect(fallback).toMatchObject({ useNativeFunctionCalling: true, parallelToolCalls: false, useJSONAdapterFallback: false })
    expect(defaultFallbackAdapter(new ChatAdapter())).toMatchObject({ useNativeFunctionCalling: false })
  })

  it('retries with the fallbackAdapter it is given instead', async () => {
    const model = scriptedModel(['no headers here', '<answer>Paris</answer>'])
    const fallback = new XMLAdapter()
    await expect(new ChatAdapter({ fallbackAdapter: fallback }).call(model, { signature: qa, inputs: { question: 'q' } })).resolves.toEqual([
      { answer: 'Paris' },
    ])
    expect(model.requests).toHaveLength(2)
    expect(model.requests[1]?.messages[0]?.content).toContain('<answer>')
  })

  it('does not fall back when the fallback is off', async () => {
    const model = scriptedModel(['no headers'])
    await expect(new ChatAdapter({ useJSONAdapterFallback: false }).call(model, { signature: qa, inputs: { question: 'q' } })).rejects.toBeInstanceOf(
      AdapterParseError,
    )
    expect(model.requests).toHaveLength(1)
  })
})

function catchError(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('ChatAdapter on hostile replies and values', () => {
  const typed = Signature.parse('question -> answer: list[int]')

  it('refuses a typed field nested 100,000 levels deep with a typed error carrying the whole reply', () => {
    for (const payload of ['['.repeat(100_000), `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '{"a": '.repeat(100_000)]) {
      const reply = `[[ ## answer ## ]]\n${payload}\n\n[[ ## completed ## ]]`
      try {
        new ChatAdapter().parse(typed, reply)
        throw new Error('expected an AdapterParseError')
      } catch (error) {
        if (!AdapterParseError.isInstance(error)) throw error
        expect(error).toMatchObject({ lmResponse: reply, fieldName: 'answer' })
        expect((error.cause as ValueParseError).code).toBe('value-parse-too-deep')
      }
    }
  })

  it('keeps deep text in a str field as it is', () => {
    expect(new ChatAdapter().parse(qa, `[[ ## answer ## ]]\n${'['.repeat(100_000)}`).answer).toBe('['.repeat(100_000))
  })

  it('reads 1 MB of markers, one header or many, in linear time', () => {
    const started = performance.now()
    for (const reply of ['[[ ## answer ## ]]\n'.repeat(55_000), '[[ ## answer ## ]]'.repeat(58_000)]) {
      try {
        new ChatAdapter().parse(typed, reply)
      } catch (error) {
        if (!AdapterParseError.isInstance(error)) throw error
        expect(error.lmResponse).toBe(reply)
      }
    }
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('refuses to format a demo value nested 100,000 levels deep (or holding itself) with a typed error', () => {
    const signature = Signature.parse('question -> answer: list[Any]')
    let deep: unknown = 1
    for (let level = 0; level < 100_000; level += 1) deep = [deep]
    const itself: unknown[] = []
    itself.push(itself)
    for (const value of [deep, itself]) {
      for (const demo of [
        { question: 'q', answer: value },
        { question: value, answer: [1] },
      ]) {
        let error: unknown
        try {
          new ChatAdapter().format(signature, [demo], { question: 'q' })
        } catch (thrown) {
          error = thrown
        }
        expect(ValueSerializationError.isInstance(error)).toBe(true)
        expect((error as ValueSerializationError).code).toBe('value-serialization-too-deep')
      }
    }
  })
})
