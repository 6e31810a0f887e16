import { Signature } from '@dspex/signatures'
import { ValueParseError } from '@dspex/types'
import { describe, expect, it } from 'vitest'
import { allCapabilities, FakeAPIError, plainCapabilities, scriptedModel } from './__fixtures__/scripted-model.js'
import { AdapterParseError } from './errors/adapter-parse-error.js'
import { JSONAdapter } from './json-adapter.js'

const qa = Signature.parse('question -> answer, n: int', { instructions: 'Answer.' })
const jsonOnly = { ...plainCapabilities, jsonMode: true }

describe('JSONAdapter.format', () => {
  it('shows the outputs as a JSON object and asks for them in order', () => {
    const [system, user] = new JSONAdapter().format(qa, [], { question: 'q' })
    expect(system?.content).toContain(
      'Outputs will be a JSON object with the following fields.\n\n{\n  "answer": "{answer}",\n  "n": "{n}        # note: the value you produce must be a single int value"\n}\nIn adhering',
    )
    expect(user?.content).toBe(
      '[[ ## question ## ]]\nq\n\nRespond with a JSON object in the following order of fields: `answer`, then `n` (must be formatted as a valid Python int).',
    )
  })

  it('writes demo outputs as indented JSON, floats as Python prints them', () => {
    const signature = Signature.parse('q -> score: float, tags: list[str]')
    const messages = new JSONAdapter().format(signature, [{ q: 'x', score: 1 }], { q: 'y' })
    expect(messages[2]?.content).toBe('{\n  "score": 1.0,\n  "tags": "Not supplied for this particular example. "\n}')
  })
})

describe('JSONAdapter.parse', () => {
  it('repairs the JSON, drops other keys and parses values by type', () => {
    expect(new JSONAdapter().parse(qa, "{'answer': 'Paris', 'n': '3', 'extra': 1,}")).toEqual({ answer: 'Paris', n: 3 })
  })

  it('reads the first balanced object inside other text', () => {
    expect(new JSONAdapter().parse(qa, 'Here: {"answer": "a {b}", "n": 1} done')).toEqual({ answer: 'a {b}', n: 1 })
  })

  it('reports a reply without a JSON object', () => {
    const error = catchError(() => new JSONAdapter().parse(qa, '["Paris"]')) as AdapterParseError
    expect(error.message).toBe(
      'LM response cannot be serialized to a JSON object.\n\nAdapter JSONAdapter failed to parse the LM response. \n\nLM Response: ["Paris"] \n\nExpected to find output fields in the LM response: [answer, n] \n\n',
    )
  })

  it('wraps a value that does not fit its type, naming the field, with the ValueParseError as cause', () => {
    const completion = '{"answer": "Paris", "n": "three"}'
    const error = catchError(() => new JSONAdapter().parse(qa, completion)) as AdapterParseError
    expect(error).toBeInstanceOf(AdapterParseError)
    expect(error).toMatchObject({ fieldName: 'n', lmResponse: completion, parsedResult: { answer: 'Paris' } })
    expect(ValueParseError.isInstance(error.cause)).toBe(true)
  })
})

describe('JSONAdapter response formats', () => {
  it('asks for strict structured outputs when the model supports them', () => {
    const options = new JSONAdapter().requestOptions(qa, allCapabilities)
    expect(options.responseFormat).toEqual({
      type: 'json_schema',
      name: 'DSPyProgramOutputs',
      strict: true,
      schema: {
        additionalProperties: false,
        properties: { answer: { title: 'Answer', type: 'string' }, n: { title: 'N', type: 'integer' } },
        required: ['answer', 'n'],
        title: 'DSPyProgramOutputs',
        type: 'object',
      },
    })
  })

  it('uses JSON mode for dict outputs, models without schemas, and prompt-side ToolCalls', () => {
    expect(new JSONAdapter().requestOptions(Signature.parse('q -> m: dict[str, int]'), allCapabilities).responseFormat).toEqual({ type: 'json' })
    expect(new JSONAdapter().requestOptions(qa, jsonOnly).responseFormat).toEqual({ type: 'json' })
    const tools = Signature.parse('q, tools: list[Tool] -> calls: ToolCalls')
    expect(new JSONAdapter({ useNativeFunctionCalling: false }).requestOptions(tools, allCapabilities).responseFormat).toEqual({ type: 'json' })
  })

  it('sends no response format to a model without JSON support', () => {
    expect(new JSONAdapter().requestOptions(qa, plainCapabilities).responseFormat).toBeUndefined()
  })

  it('falls back to JSON mode when the structured attempt fails, and never to another adapter', async () => {
    const model = scriptedModel(['not json', '{"answer": "a", "n": 2}'], allCapabilities)
    await expect(new JSONAdapter().call(model, { signature: qa, inputs: { question: 'q' } })).resolves.toEqual([{ answer: 'a', n: 2 }])
    expect(model.requests.map((request) => request.responseFormat?.type)).toEqual(['json_schema', 'json'])
  })

  it('goes straight to JSON mode when strict mode cannot express the outputs', async () => {
    const signature = Signature.parse('q -> pair: tuple[int, str]')
    expect(new JSONAdapter().requestOptions(signature, allCapabilities).responseFormat).toEqual({ type: 'json' })
    const model = scriptedModel(['{"pair": [1, "a"]}'], allCapabilities)
    await expect(new JSONAdapter().call(model, { signature, inputs: { q: 'x' } })).resolves.toEqual([{ pair: [1, 'a'] }])
    expect(model.requests.map((request) => request.responseFormat)).toEqual([{ type: 'json' }])
  })

  it('rethrows API errors from the structured attempt', async () => {
    const apiError = new FakeAPIError('bad request')
    const model = scriptedModel([apiError], allCapabilities)
    await expect(new JSONAdapter().call(model, { signature: qa, inputs: { question: 'q' } })).rejects.toBe(apiError)
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

describe('JSONAdapter.parse on hostile replies', () => {
  const parseError = (completion: string, signature = qa): AdapterParseError => {
    try {
      new JSONAdapter().parse(signature, completion)
    } catch (error) {
      if (AdapterParseError.isInstance(error)) return error
      throw error
    }
    throw new Error('expected an AdapterParseError')
  }

  it('keeps the whole reply when it parsed only its first {...} span, showing the span as DSPy does', () => {
    const reply = 'Sure! [1, 2] then {"answer": "Paris"} and more'
    const missing = parseError(reply)
    expect(missing.lmResponse).toBe(reply)
    expect(missing.parsedText).toBe('{"answer": "Paris"}')
    expect(missing.message).toContain('LM Response: {"answer": "Paris"} \n\n')
    const badValue = parseError('Here: [0] {"answer": "a", "n": "three"} ok')
    expect(badValue.lmResponse).toBe('Here: [0] {"answer": "a", "n": "three"} ok')
    expect(badValue.fieldName).toBe('n')
    const noObject = parseError('[1, 2] only')
    expect(noObject.lmResponse).toBe('[1, 2] only')
    expect(noObject.parsedText).toBeUndefined()
  })

  it('refuses JSON nested 100,000 levels deep with a typed error carrying the whole reply', () => {
    for (const reply of ['{"answer": '.repeat(100_000), `{"answer": ${'['.repeat(100_000)}`, `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      const error = parseError(reply)
      expect(error.lmResponse).toBe(reply)
      expect(ValueParseError.isInstance(error.cause)).toBe(true)
      expect((error.cause as ValueParseError).code).toBe('value-parse-too-deep')
    }
  })

  it('reads a value nested 999 levels deep', () => {
    const signature = Signature.parse('question -> answer: list[Any]')
    const value = `${'['.repeat(998)}1${']'.repeat(998)}`
    expect(new JSONAdapter().parse(signature, `{"answer": [${value}]}`).answer).toEqual(JSON.parse(`[${value}]`))
  })

  it('answers 1 MB of unbalanced braces with a typed error in linear time', () => {
    const started = performance.now()
    for (const reply of ['{'.repeat(1 << 20), `${'{ '.repeat(1 << 19)}`, `{"answer": "x", "n": 1${' {'.repeat(1 << 19)}`]) {
      try {
        new JSONAdapter().parse(qa, reply)
      } catch (error) {
        if (!AdapterParseError.isInstance(error)) throw error
        expect(error.lmResponse).toBe(reply)
      }
    }
    // A correctness bound only (64 KB took 6.8 s before); bench/parse-1mb-worst.bench.mjs times it.
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
