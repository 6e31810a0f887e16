import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Signature } from '@dspex/signatures'
import { describe, expect, it } from 'vitest'
import { type ErrorClassUnderTest, errorClassProblems } from '../../packages/core/src/__fixtures__/error-class-problems.js'
import { repositoryRoot, workspacePackages } from './workspace-packages.mjs'

const signature = Signature.parse('question: str, context: list[str] -> answer, confidence: float').withInstructions(
  'Answer the question from the context. '.repeat(20),
)
const cause = new TypeError('the underlying failure')
const apiCall = {
  message: 'Overloaded (sk-secret-key-1234)',
  url: 'https://api.example.com/v1/chat?key=sk-secret-key-1234',
  statusCode: 529,
  responseHeaders: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
  responseBody: '{"error":{"message":"Overloaded"}}',
  requestBodyValues: { model: 'm', messages: Array.from({ length: 50 }, (_, index) => ({ role: 'user', content: `message ${index}` })) },
  data: { error: { message: 'Overloaded' } },
  provider: 'example',
  secrets: ['sk-secret-key-1234'],
  cause,
}
const manyRows = Array.from({ length: 100 }, (_, index) => ({ index, answer: `answer ${index}` }))

/**
 * A typical instance of every DSPex error class: the options its constructor takes, as large as real use makes them
 * (a signature with long instructions, a request body of 50 messages, 100 results), so the checks on printing mean something.
 */
const samples: Record<string, unknown> = {
  DSPexError: { message: 'Something was wrong.', code: 'something-wrong', cause },
  // @dspex/provider and provider packages
  ProviderError: { message: 'The provider failed.', cause },
  APICallError: apiCall,
  AuthenticationError: { ...apiCall, statusCode: 401 },
  BillingError: { ...apiCall, statusCode: 402 },
  ConfigurationError: { message: 'The provider needs a region.', cause },
  ContentFilterError: { ...apiCall, statusCode: 400 },
  ContextWindowExceededError: { ...apiCall, statusCode: 400 },
  InvalidRequestError: { ...apiCall, statusCode: 409 },
  InvalidResponseDataError: { ...apiCall, text: '{"choices": [' },
  LoadAPIKeyError: { message: 'No API key: OPENAI_API_KEY is unset.', environmentVariableName: 'OPENAI_API_KEY' },
  NetworkError: { message: 'Connection refused.', url: apiCall.url, cause },
  RateLimitError: { ...apiCall, statusCode: 429 },
  ServerError: apiCall,
  StreamInterruptedError: { message: 'The stream ended mid-event.', url: apiCall.url },
  TimeoutError: { ...apiCall, timeoutMs: 30_000 },
  UnsupportedFeatureError: { message: 'acme-1 cannot read images.', features: ['images'], issues: ['text only'] },
  UnsupportedModelError: { ...apiCall, statusCode: 404 },
  MissingBaseURLError: { provider: 'acme' },
  TooManyEmbeddingValuesError: { provider: 'acme', modelId: 'embed-1', maxEmbeddingsPerCall: 2048, valueCount: 3000 },
  // @dspex/types
  PythonLiteralError: { message: 'Invalid Python literal at position 3.', text: "{'a': }", position: 6 },
  SpecialTypeError: { message: 'Not an image URL or data URI.', typeName: 'Image', cause },
  StructuredOutputSchemaError: { message: 'An open dict cannot be strict.', dialect: 'openai-strict', path: '#/properties/counts' },
  TypeDefinitionError: { message: 'Unknown type name Foo.', path: '#/properties/a' },
  ValueParseError: {
    message: "'Positive' is not one of ('positive', 'negative')",
    code: 'value-parse',
    value: manyRows,
    text: 'Positive',
    typeName: 'Sentiment',
    cause,
  },
  ValueSerializationError: { message: 'Object of type function is not JSON serializable', code: 'value-serialization-unsupported', path: '/0/run' },
  ValueValidationError: {
    typeName: 'list[Person]',
    issues: Array.from({ length: 40 }, (_, index) => ({ path: `/${index}/age`, expected: 'int', got: `'abc' (string)` })),
  },
  // @dspex/signatures
  SignatureError: { message: 'Invalid signature format.', code: 'signature-format', signature: 'a b c', position: 2 },
  // @dspex/formats
  AdapterConfigurationError: { message: 'No extraction model.' },
  AdapterParseError: {
    adapterName: 'ChatAdapter',
    signature,
    lmResponse: '[[ ## answer ## ]]\nParis',
    fieldName: 'confidence',
    parsedResult: { answer: 'Paris' },
    cause,
  },
  XMLSyntaxError: { message: 'mismatched tag: line 1, column 26', code: 'xml-syntax', reason: 'mismatched tag', line: 1, column: 26 },
  // @dspex/lm
  CacheEntryCorruptError: { message: 'Not JSON.', key: 'abc123', location: '/tmp/cache/abc123.json', cause },
  LMConfigurationError: { message: 'Malformed model string.', model: 'openai' },
  LMStateError: { message: 'No model string.', key: 'model' },
  ProviderNotInstalledError: { message: 'Install @dspex/acme.', provider: 'acme', packageName: '@dspex/acme' },
  // @dspex/primitives
  BatchError: {
    message: 'Execution cancelled due to errors or interruption.',
    code: 'batch-max-errors',
    results: manyRows,
    failures: manyRows.map((row, index) => ({ index, item: row, error: cause })),
  },
  ExampleError: { message: 'Inputs have not been set.', code: 'example-inputs-not-set' },
  ModuleError: { message: 'No LM.', code: 'module-lm-not-unique' },
  PredictionError: { message: 'No score.', code: 'prediction-missing-score' },
  PythonRandomError: { message: 'Empty range.', code: 'random-empty-range' },
  StateLoadError: { reason: 'the key is missing.', code: 'state-missing-key', path: ['cot.predict', 'demos', 0] },
  StateSaveError: { message: 'Not JSON.', code: 'state-not-serializable', path: 'cot.predict.demos[0].image' },
  // @dspex/predict
  AggregationError: { message: 'Nothing to vote among.', code: 'aggregation-empty' },
  KNNError: { message: 'k must be a positive integer.', code: 'knn-invalid-k' },
  PredictError: { message: 'No LM is configured.', code: 'predict-no-lm' },
  // @dspex/evaluate
  DatasetError: { message: 'Line 3 is not JSON.', code: 'dataset-invalid-json', file: 'data.jsonl', line: 3, cause },
  EvaluateError: { message: 'Too many errors.', code: 'evaluate-max-errors', result: { score: 50, results: manyRows, aborted: true } },
  MetricError: { message: 'No answer field.', code: 'metric-missing-field', field: 'answer' },
  // @dspex/teleprompt
  TelepromptError: { message: 'The optimizer failed.', code: 'teleprompt-failed' },
  BootstrapError: { message: 'Too many failures.', code: 'bootstrap-max-errors', errorCount: 10, cause },
  CompileOptionsError: { message: 'Student must be uncompiled.', code: 'compile-student-compiled' },
  EnsembleError: { message: 'Not implemented.', code: 'ensemble-deterministic-unsupported' },
  InferRulesError: { message: 'No LM.', code: 'infer-rules-no-lm' },
}

/** Every non-test TypeScript file under `src/` of `directory`. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name) ? [path] : []
  })
}

const errorFiles = workspacePackages()
  .flatMap(({ directory }) => sourceFiles(join(directory, 'src')))
  .filter((file) => /[\\/]src[\\/]errors[\\/][^\\/]+\.ts$/.test(file))

/** The error classes each file under `src/errors/` exports: functions with a marker of their own. */
async function errorClasses(): Promise<Map<string, { file: string; errorClass: ErrorClassUnderTest }>> {
  const found = new Map<string, { file: string; errorClass: ErrorClassUnderTest }>()
  for (const file of errorFiles) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>
    for (const value of Object.values(module)) {
      if (typeof value === 'function' && Object.hasOwn(value, 'marker') && value.prototype instanceof Error) {
        found.set(value.name, { file: relative(repositoryRoot, file), errorClass: value as unknown as ErrorClassUnderTest })
      }
    }
  }
  return found
}

describe('every DSPex error class', async () => {
  const classes = await errorClasses()

  it('is found, one per file under src/errors/, each with a sample here', () => {
    expect(classes.size).toBeGreaterThan(40)
    expect([...classes.keys()].filter((name) => !(name in samples))).toEqual([])
    expect(Object.keys(samples).filter((name) => !classes.has(name))).toEqual([])
    const perFile = new Map<string, string[]>()
    for (const [name, { file }] of classes) perFile.set(file, [...(perFile.get(file) ?? []), name])
    expect([...perFile].filter(([, names]) => names.length > 1)).toEqual([])
  })

  it('has both roots, ProviderError extending DSPexError', () => {
    const root = classes.get('DSPexError')?.errorClass
    const provider = classes.get('ProviderError')?.errorClass
    expect(root?.marker).toBe(Symbol.for('dspex.error'))
    expect(provider?.marker).toBe(Symbol.for('dspex.provider.error'))
    // The provider source extends the built @dspex/core, which is another copy of DSPexError than the core source:
    // the marker, not the identity, is what makes it one.
    expect(root?.isInstance(new (provider as unknown as new (options: unknown) => Error)({ message: 'x' }))).toBe(true)
  })

  for (const name of Object.keys(samples)) {
    it(`${name} passes the shared error test (own marker, code, toJSON, isInstance and instanceof, concise printing)`, () => {
      const found = classes.get(name)
      expect(found, `${name} is not exported from a file under src/errors/`).toBeDefined()
      if (found !== undefined) expect(errorClassProblems(found.errorClass, samples[name])).toEqual([])
    })
  }

  it('lives under src/errors/: no class extends an error class anywhere else in shipped code', () => {
    const outside: string[] = []
    for (const { directory } of workspacePackages()) {
      for (const file of sourceFiles(join(directory, 'src'))) {
        if (/[\\/](errors|__fixtures__)[\\/]/.test(file)) continue
        for (const match of readFileSync(file, 'utf8').matchAll(/^\s*(?:export\s+)?class\s+(\w+)\s+extends\s+(\w*Error)\b/gm)) {
          outside.push(`${relative(repositoryRoot, file)}: ${match[1]} extends ${match[2]}`)
        }
      }
    }
    expect(outside).toEqual([])
  })
})

describe('an uncaught DSPex error', () => {
  it('prints Name: message, the stack and short fields with the code, not the whole signature (Node prints it without custom inspection)', () => {
    const script = [
      "import { AdapterParseError } from '@dspex/formats'",
      "import { Signature } from '@dspex/signatures'",
      "const signature = Signature.parse('question -> answer').withInstructions('Answer briefly. '.repeat(200))",
      "throw new AdapterParseError({ adapterName: 'ChatAdapter', signature, lmResponse: 'no headers', fieldName: 'answer', parsedResult: {} })",
    ].join('\n')
    const run = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: join(repositoryRoot, 'tooling'), encoding: 'utf8' })
    expect(run.status).toBe(1)
    const printed = run.stderr
    expect(printed).toContain('AdapterParseError: Adapter ChatAdapter failed to parse the LM response.')
    expect(printed).toContain("code: 'adapter-parse'")
    expect(printed).toMatch(/\n {4}at /)
    expect(printed).toContain("adapterName: 'ChatAdapter'")
    expect(printed).toContain("fieldName: 'answer'")
    expect(printed).not.toContain('Answer briefly.')
    expect(printed).not.toContain('outputFields')
    expect(printed.length).toBeLessThan(2500)
  })
})
