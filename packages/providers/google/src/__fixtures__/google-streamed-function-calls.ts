// Hand-written, not recorded: streams shaped like the ones Gemini 3 sends (Vertex with `streamFunctionCallArguments`)
// when it streams function-call arguments: a part `{ name, willContinue: true }` with the thought signature, parts
// with `partialArgs` (string values in pieces, each path's last piece empty), bare `{ willContinue: true }` parts
// between array items, and a closing `functionCall: {}` without a name. Each export is a `.chunks.txt` text.

type Part = Record<string, unknown>

const chunk = (parts: readonly Part[], final?: { finishReason: string; usageMetadata: Record<string, unknown> }): string =>
  JSON.stringify({
    candidates: [{ content: { role: 'model', parts }, ...(final === undefined ? {} : { finishReason: final.finishReason }) }],
    usageMetadata: final?.usageMetadata ?? { trafficType: 'ON_DEMAND' },
    modelVersion: 'gemini-3-pro-preview',
    createTime: '2026-03-02T10:15:20.123456Z',
    responseId: 'k2vQaZ7lN4Cm1dkPy6aYqAk',
  })

const open = (name: string, signature?: string): string =>
  chunk([{ functionCall: { name, willContinue: true }, ...(signature === undefined ? {} : { thoughtSignature: signature }) }])
const piece = (jsonPath: string, value: Record<string, unknown>, continues = true): string =>
  chunk([{ functionCall: { partialArgs: [{ jsonPath, ...value, ...(continues ? { willContinue: true } : {}) }], willContinue: true } }])
const text = (jsonPath: string, ...pieces: string[]): string[] => [
  ...pieces.map((value) => piece(jsonPath, { stringValue: value })),
  piece(jsonPath, { stringValue: '' }, false),
]
const usage = (prompt: number, candidates: number, thoughts: number) => ({
  promptTokenCount: prompt,
  candidatesTokenCount: candidates,
  totalTokenCount: prompt + candidates + thoughts,
  trafficType: 'ON_DEMAND',
  thoughtsTokenCount: thoughts,
})
const close = chunk([{ functionCall: {} }])
const lines = (...items: (string | string[])[]): string => items.flat().join('\n')

/** One call whose string argument arrives in pieces, closed by a terminal `functionCall: {}` that carries the finish. */
export const googleStreamedCall: string = lines(
  open('weather', 'Ci8Bjz1rX3sig'),
  text('$.location', 'San ', 'Francisco'),
  chunk([{ functionCall: {} }], { finishReason: 'STOP', usageMetadata: usage(26, 23, 132) }),
)

/** Two calls in parallel, one after the other, each closed by its own `functionCall: {}`. */
export const googleStreamedParallelCalls: string = lines(
  open('weather', 'CiMBjz1rXparallel'),
  text('$.location', 'Boston'),
  close,
  open('weather'),
  text('$.location', 'San Francisco'),
  close,
  chunk([{ text: '' }], { finishReason: 'STOP', usageMetadata: usage(30, 40, 100) }),
)

/** A call without arguments, sent whole (no `willContinue`), then a streamed one. */
export const googleStreamedNoArgumentCall: string = lines(
  chunk([{ text: 'Reading the theme first.', thought: true }]),
  chunk([{ functionCall: { name: 'read_theme' }, thoughtSignature: 'AY89a18noargs' }]),
  open('read_screen'),
  text('$.id', 'A'),
  close,
  chunk([{ text: '' }], { finishReason: 'STOP', usageMetadata: usage(249, 58, 183) }),
)

/** Nested objects, arrays of objects and of strings, numbers, booleans and null. */
export const googleStreamedNestedArguments: string = lines(
  open('cookRecipe', 'CmIBjz1rXnested'),
  text('$.recipe.name', 'Lasa', 'gna'),
  text('$.recipe.ingredients[0].name', 'Noodles'),
  piece('$.recipe.ingredients[0].grams', { numberValue: 450 }, false),
  chunk([{ functionCall: { willContinue: true } }]),
  text('$.recipe.ingredients[1].name', 'Ricotta'),
  piece('$.recipe.ingredients[1].grams', { numberValue: 425.5 }, false),
  chunk([{ functionCall: { willContinue: true } }]),
  text('$.recipe.steps[0]', 'Preheat the oven', '.'),
  text('$.recipe.steps[1]', 'Layer and bake.'),
  piece('$.recipe.vegetarian', { boolValue: true }, false),
  piece("$['serving note']", { nullValue: 'NULL_VALUE' }, false),
  chunk([{ functionCall: {} }], { finishReason: 'STOP', usageMetadata: usage(31, 684, 1026) }),
)

/** The last piece of arguments comes without `willContinue` and no closing `functionCall: {}` follows. */
export const googleStreamedCallWithoutTerminal: string = lines(
  open('writeItems', 'AY89a19missing'),
  text('$.operations[0].action', 'add'),
  piece('$.operations[0].price', { numberValue: 0.5 }, false),
  text('$.operations[1].action', 'add'),
  chunk([{ functionCall: { partialArgs: [{ jsonPath: '$.operations[1].price', numberValue: 0.3 }] } }]),
  chunk([{ text: '' }], { finishReason: 'STOP', usageMetadata: usage(54, 74, 121) }),
)

/** The stream finishes while a call is still open (`willContinue` never turned false). */
export const googleStreamedCallLeftOpen: string = lines(
  open('weather'),
  text('$.location', 'Paris'),
  chunk([{ text: '' }], { finishReason: 'STOP', usageMetadata: usage(20, 10, 5) }),
)
