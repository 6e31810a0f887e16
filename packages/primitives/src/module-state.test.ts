import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputField, OutputField, Signature, SignatureError } from '@dspex/signatures'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FakeChainOfThought, FakePredict } from './__fixtures__/fake-predict.js'
import { StateLoadError } from './errors/state-load-error.js'
import { StateSaveError } from './errors/state-save-error.js'
import { Example } from './example.js'
import type { Logger } from './logger.js'
import { Module } from './module.js'
import { Prediction } from './prediction.js'
import { defaultSettings } from './settings.js'
import { configure, context } from './settings-context.js'

const savedDirectory = fileURLToPath(new URL('../../../fixtures/dspy/saved/', import.meta.url))
let directory = ''

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'dspex-primitives-'))
})
afterAll(async () => {
  await rm(directory, { recursive: true, force: true })
})
afterEach(() => configure(defaultSettings()))

class TwoStep extends Module<{ question: string }> {
  generate_query = new FakePredict(Signature.parse('question -> search_query'))
  answer = new FakeChainOfThought(Signature.parse('question, context: list[str] -> answer'))

  protected async forward({ question }: { question: string }): Promise<Prediction> {
    const { search_query } = await this.generate_query.call({ question })
    return this.answer.call({ question, context: [search_query] })
  }
}

function basicQa(): Signature<object, object> {
  return Signature.create({
    name: 'BasicQA',
    instructions: 'Answer questions with short factoid answers.',
    fields: { question: InputField(), answer: OutputField(undefined, { desc: 'often between 1 and 5 words' }) },
  })
}

/** The programs of fixtures/dspy/saved/README.programs.json, built with the fake predictor, with their demos. */
const programs: Record<string, { build: () => Module<object, unknown>; demosOf: (program: Module<object, unknown>) => unknown[][] }> = {
  'saved_predict.json': {
    build: () => {
      const predict = new FakePredict(Signature.parse('question -> answer'))
      predict.demos = [
        new Example({ question: 'What is 1+1?', answer: '2' }).withInputs('question'),
        new Example({ question: 'Capital of Japan?', answer: 'Tokyo' }).withInputs('question'),
      ]
      return predict
    },
    demosOf: (program) => [(program as FakePredict).demos],
  },
  'saved_cot.json': {
    build: () => {
      const cot = new FakeChainOfThought(basicQa())
      cot.predict.demos = [
        { question: '2+2?', reasoning: 'Two plus two is four.', answer: '4' },
        new Example({ question: 'Author of Hamlet?', answer: 'Shakespeare' }),
      ]
      return cot
    },
    demosOf: (program) => [(program as FakeChainOfThought).predict.demos],
  },
  'saved_module.json': {
    build: () => {
      const program = new TwoStep()
      program.generate_query.demos = [new Example({ question: 'Who won?', search_query: 'winner 2024' })]
      program.answer.predict.demos = [new Example({ question: 'q', context: ['c1', 'c2'], reasoning: 'r', answer: 'a' })]
      return program
    },
    demosOf: (program) => [(program as TwoStep).generate_query.demos, (program as TwoStep).answer.predict.demos],
  },
  'saved_predict_typed.json': {
    build: () => {
      const predict = new FakePredict(
        Signature.parse('text -> person', { name: 'ExtractPerson', instructions: 'Extract the person described in the text.' }),
      )
      // A value with toJSON stands in for the pydantic model DSPy dumps with model_dump.
      const person = { toJSON: () => ({ name: 'Ada', age: 36, emails: [], address: null }) }
      predict.demos = [new Example({ text: 'Ada, 36', person })]
      return predict
    },
    demosOf: (program) => [(program as FakePredict).demos],
  },
}

function emptyProgram(file: string): Module<object, unknown> {
  const program = programs[file]?.build() as Module<object, unknown>
  for (const predictor of program.predictors()) predictor.reset()
  return program
}

function capturingLogger(): Logger & { messages: string[] } {
  const messages: string[] = []
  return { messages, warn: (message) => messages.push(message) }
}

describe('save and load against files written by DSPy 3.3.1', () => {
  for (const file of Object.keys(programs)) {
    it(`${file}: our save is byte-identical to DSPy's`, async () => {
      const path = join(directory, `ours-${file}`)
      await programs[file]?.build().save(path)
      expect(await readFile(path)).toEqual(await readFile(join(savedDirectory, file)))
    })

    it(`${file}: loads into a fresh program and saves back unchanged`, async () => {
      const program = emptyProgram(file)
      const logger = capturingLogger()
      await context({ logger }, () => program.load(join(savedDirectory, file)))
      expect(logger.messages).toEqual([])
      const expected = programs[file]?.build() as Module<object, unknown>
      const toPlain = (demos: unknown[][]): unknown => JSON.parse(JSON.stringify(demos))
      expect(toPlain(programs[file]?.demosOf(program) ?? [])).toEqual(toPlain(programs[file]?.demosOf(expected) ?? []))
      const path = join(directory, `round-trip-${file}`)
      await program.save(path)
      expect(await readFile(path, 'utf8')).toBe(await readFile(join(savedDirectory, file), 'utf8'))
    })
  }

  it('dumps state under DSPy names; a bare predictor dumps flat', () => {
    expect(Object.keys(programs['saved_module.json']?.build().dumpState() ?? {})).toEqual(['generate_query', 'answer.predict'])
    expect(Object.keys(programs['saved_predict.json']?.build().dumpState() ?? {})).toEqual(['traces', 'train', 'demos', 'signature', 'lm'])
  })

  it('loads instructions and prefixes from the file into the signature', async () => {
    const cot = new FakeChainOfThought(Signature.parse('question -> answer'))
    await cot.load(join(savedDirectory, 'saved_cot.json'))
    expect(cot.predict.signature.instructions).toBe('Answer questions with short factoid answers.')
    expect(cot.predict.signature.field('answer')?.desc).toBe('often between 1 and 5 words')
  })
})

describe('loadState validation', () => {
  class Prog extends Module {
    a = new FakeChainOfThought(Signature.parse('question -> answer'))
    b = new FakeChainOfThought(Signature.parse('question -> answer'))
    protected forward(): Prediction {
      return new Prediction({})
    }
  }

  it('is transactional: a missing key leaves the program unchanged (DSPy test_load_state_is_transactional)', async () => {
    const source = new Prog()
    const sentinel = new Example({ question: 'q1', answer: 'a1' }).withInputs('question')
    source.a.predict.demos = [sentinel]
    source.b.predict.demos = [sentinel]
    const path = join(directory, 'state.json')
    await source.save(path)
    const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    await writeFile(path, JSON.stringify(Object.fromEntries(Object.entries(raw).filter(([key]) => !key.includes('b.')))))
    const template = new Prog()
    const failure = await template.load(path).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(StateLoadError)
    expect(failure).toMatchObject({ code: 'state-missing-key', key: 'b.predict', path: ['b.predict'] })
    expect((failure as Error).message).toBe("Invalid saved state at b.predict: the key is missing (keys found: 'a.predict', 'metadata').")
    expect(template.a.predict.demos).toEqual([])
  })

  it('names the first bad nested key and changes nothing', () => {
    const program = new Prog()
    const good = new Prog().dumpState()
    const bad = { ...good, 'b.predict': { ...(good['b.predict'] as object), demos: [{ question: 'ok' }, 'not a demo'] } }
    let failure: unknown
    try {
      program.loadState(bad)
    } catch (error) {
      failure = error
    }
    expect(failure).toMatchObject({ code: 'state-invalid-value', key: 'b.predict.demos[1]', path: ['b.predict', 'demos', 1] })
    expect((failure as Error).message).toBe('Invalid saved state at b.predict.demos[1]: expected an object, got the string "not a demo".')
    expect(program.a.predict.demos).toEqual([])
  })

  it('wraps errors of the parameter, keeping them as the cause', () => {
    const state = new Prog().dumpState()
    const broken = { ...state, 'a.predict': { ...(state['a.predict'] as object), signature: { instructions: 1, fields: [] } } }
    const failure = (() => {
      try {
        new Prog().loadState(broken)
      } catch (error) {
        return error as StateLoadError
      }
    })()
    expect(failure?.path).toEqual(['a.predict', 'signature'])
    expect(failure?.cause).toBeInstanceOf(SignatureError)
  })

  it('rejects state that is not an object, and a parameter entry that is not one', () => {
    expect(() => new Prog().loadState([])).toThrow(expect.objectContaining({ code: 'state-invalid-value', key: '' }))
    expect(() => new Prog().loadState({ 'a.predict': null, 'b.predict': {} })).toThrow(expect.objectContaining({ key: 'a.predict' }))
  })

  it('ignores extra top-level keys', () => {
    const program = new Prog()
    const state = { ...program.dumpState(), extra: 1 }
    expect(program.loadState(state)).toBe(program)
  })
})

describe('save and load files', () => {
  it('requires metadata.dependency_versions, as DSPy does', async () => {
    const path = join(directory, 'no-metadata.json')
    const predict = new FakePredict(Signature.parse('question -> answer'))
    await writeFile(path, JSON.stringify(predict.dumpState()))
    await expect(predict.load(path)).rejects.toMatchObject({ code: 'state-missing-key', key: 'metadata' })
    await writeFile(path, JSON.stringify({ ...predict.dumpState(), metadata: {} }))
    await expect(predict.load(path)).rejects.toMatchObject({ code: 'state-missing-key', key: 'metadata.dependency_versions' })
  })

  it('warns about each dependency whose version differs, and still loads', async () => {
    const path = join(directory, 'old-versions.json')
    const source = new FakePredict(Signature.parse('question -> answer'))
    source.demos = [{ question: 'q', answer: 'a' }]
    const state = { ...source.dumpState(), metadata: { dependency_versions: { python: '3.9', dspy: '2.4.0', cloudpickle: '3.1' } } }
    await writeFile(path, JSON.stringify(state))
    const logger = capturingLogger()
    const loaded = new FakePredict(Signature.parse('question -> answer'))
    await context({ logger }, () => loaded.load(path))
    expect(logger.messages).toEqual([
      'There is a mismatch of python version between saved model and current environment. You saved with `python==3.9`, but now you have `python==3.11`. This might cause errors or performance downgrade on the loaded model, please consider loading the model in the same environment as the saving environment.',
      'There is a mismatch of dspy version between saved model and current environment. You saved with `dspy==2.4.0`, but now you have `dspy==3.3.1`. This might cause errors or performance downgrade on the loaded model, please consider loading the model in the same environment as the saving environment.',
    ])
    expect(loaded.demos).toEqual([{ question: 'q', answer: 'a' }])
  })

  it('warns, never crashes, about versions that are not strings (an object whose toString is not callable)', async () => {
    const path = join(directory, 'odd-versions.json')
    const source = new FakePredict(Signature.parse('question -> answer'))
    const text = JSON.stringify({ ...source.dumpState(), metadata: { dependency_versions: { python: '3.11', cloudpickle: '3.1' } } }).replace(
      '"python":"3.11"',
      '"python":"3.11","dspy":{"toString":1,"valueOf":null},"numpy":2.1,"toString":[true,null]',
    )
    await writeFile(path, text)
    const logger = capturingLogger()
    const loaded = new FakePredict(Signature.parse('question -> answer'))
    await context({ logger }, () => loaded.load(path))
    expect(logger.messages.map((message) => message.slice(0, message.indexOf('. This might')))).toEqual([
      "There is a mismatch of dspy version between saved model and current environment. You saved with `dspy=={'toString': 1, 'valueOf': None}`, but now you have `dspy==3.3.1`",
      'There is a mismatch of numpy version between saved model and current environment. You saved with `numpy==2.1`, but now you have `numpy==None`',
      'There is a mismatch of toString version between saved model and current environment. You saved with `toString==[True, None]`, but now you have `toString==None`',
    ])
  })

  it('accepts only .json paths', async () => {
    const predict = new FakePredict(Signature.parse('question -> answer'))
    await expect(predict.save(join(directory, 'program.pkl'))).rejects.toMatchObject({ code: 'state-file-suffix' })
    await expect(predict.save(join(directory, 'program.pkl'))).rejects.toBeInstanceOf(StateSaveError)
    await expect(predict.load(join(directory, 'program.pkl'))).rejects.toMatchObject({ code: 'state-file-suffix' })
  })

  it('reports unreadable files and invalid JSON', async () => {
    const predict = new FakePredict(Signature.parse('question -> answer'))
    await expect(predict.load(join(directory, 'missing.json'))).rejects.toMatchObject({ code: 'state-file-read' })
    const path = join(directory, 'invalid.json')
    await writeFile(path, '{ not json')
    await expect(predict.load(path)).rejects.toMatchObject({ code: 'state-file-json' })
  })

  it('names where an unserializable demo value is', async () => {
    const cot = new FakeChainOfThought(Signature.parse('question -> answer'))
    cot.predict.demos = [{ question: 'q', answer: () => 'no' }]
    await expect(cot.save(join(directory, 'bad.json'))).rejects.toMatchObject({
      code: 'state-not-serializable',
      path: 'predict.demos[0].answer',
    })
  })
})
