// @ts-check
// parse-1mb-worst: the slowest parse of a 1 MB pathological LM reply (unbalanced `{`, deep nesting, many field
// markers or tags, long lines, quotes, truncated JSON) through ChatAdapter, JSONAdapter and XMLAdapter, each reply
// as it is and inside an output field, with typed outputs so the payload is read as JSON. Every parse must end in
// outputs or a typed DSPex error. The baseline, measured in the same run: JSON.parse of a valid 1 MB object.
// Before issue 14, 64 KB of unbalanced `{` took 6.8 s in the JSONAdapter and 1 MB did not finish in 20 s.
import { ChatAdapter, JSONAdapter, XMLAdapter } from '@dspex/formats'
import { Signature } from '@dspex/signatures'
import { report } from './measure.mjs'

const size = 1 << 20
/** `unit` repeated to `length` characters. */
const fill = (/** @type {string} */ unit, length = size) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

/** @type {Record<string, string>} */
const payloads = {
  'unbalanced {': fill('{'),
  'unbalanced { with keys': fill('{"answer": '),
  'deep [ nesting': fill('[', size / 2) + fill(']', size / 2),
  'deep { nesting': fill('{"a": '),
  'chat markers': fill('[[ ## answer ## ]]\n'),
  'chat markers on one line': fill('[[ ## answer ## ]]'),
  'XML tags': fill('<answer>'),
  'nested XML': fill('<a>', size / 2) + fill('</a>', size / 2),
  'long line': fill('x'),
  'quotes in a string': `["${fill('a" ')}`,
  escapes: `["${fill('\\"')}`,
  'parentheses on lines': fill('(\n', size / 2) + fill(')', size / 2),
  'truncated list': `[${fill('"item", ')}`,
  'truncated numbers': `[${fill('1, ')}`,
  'broken objects': `[${fill("{'a': 1,}, ")}`,
}

/** How each adapter's reply holds the payload: as the whole reply, or as the value of the `answer` field. */
const wrappings = {
  ChatAdapter: (/** @type {string} */ payload) => `[[ ## answer ## ]]\n${payload}\n\n[[ ## score ## ]]\n0.5`,
  JSONAdapter: (/** @type {string} */ payload) => `{"score": 0.5, "answer": ${payload}`,
  XMLAdapter: (/** @type {string} */ payload) => `<score>0.5</score><answer>${payload}</answer>`,
}

const signature = Signature.parse('question -> answer: list[str], score: float')
const adapters = [new ChatAdapter(), new JSONAdapter(), new XMLAdapter()]

/** True for a DSPex error (of any package copy): it carries the root marker. */
const isDSPexError = (/** @type {unknown} */ error) =>
  typeof error === 'object' && error !== null && /** @type {Record<symbol, unknown>} */ (error)[Symbol.for('dspex.error')] === true

/** Milliseconds of one call of `run`: the median of five, after one to warm up. */
function milliseconds(/** @type {() => void} */ run) {
  run()
  const times = []
  for (let round = 0; round < 5; round += 1) {
    const started = process.hrtime.bigint()
    run()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[2] ?? Number.NaN
}

let worst = { time: 0, name: '' }
for (const [payloadName, payload] of Object.entries(payloads)) {
  for (const adapter of adapters) {
    const adapterName = adapter.constructor.name
    const wrap = wrappings[/** @type {keyof typeof wrappings} */ (adapterName)]
    for (const [placement, reply] of [
      ['as the reply', payload],
      ['in a field', wrap(payload)],
    ]) {
      const time = milliseconds(() => {
        try {
          adapter.parse(signature, reply)
        } catch (error) {
          if (!isDSPexError(error)) throw new Error(`${adapterName} threw an untyped error on ${payloadName} ${placement}: ${error}`)
        }
      })
      if (process.env.BENCH_DETAIL) process.stderr.write(`${time.toFixed(1).padStart(8)} ms  ${adapterName}, ${payloadName} ${placement}\n`)
      if (time > worst.time) worst = { time, name: `${adapterName}, ${payloadName} ${placement}` }
    }
  }
}

const valid = JSON.stringify(Array.from({ length: 24_000 }, (_, index) => ({ id: index, name: `item ${index}`, tags: ['a', 'b'] })))
const baseline = milliseconds(() => JSON.parse(valid))
report(
  'parse-1mb-worst',
  worst.time,
  'ms',
  `slowest: ${worst.name}; JSON.parse of a valid ${(valid.length / size).toFixed(1)} MB object: ${baseline.toFixed(1)} ms; goal < 100 ms`,
)
