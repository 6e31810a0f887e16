// @ts-check
// signature-parse: parsing a typical typed string signature into a Signature, against Ax 24's
// AxSignature on the equivalent string, measured in the same run.
import { AxSignature } from '@ax-llm/ax'
import { Signature } from '@dspex/signatures'
import { microsecondsPerCall, report } from './measure.mjs'

const dspexText = 'context: list[str], question: str -> answer: str, confidence: float'
const axText = 'context:string[], question:string -> answer:string, confidence:number'
let unique = 0

const results = await microsecondsPerCall({
  dspex: () => Signature.parse(dspexText),
  ax: () => new AxSignature(axText),
  // Every call brings a type string never seen before, so nothing is served from the type cache.
  dspexNewTypes: () => {
    unique += 1
    return Signature.parse(`context: list[str], question -> answer: Literal['a${unique}'], n: dict[str, list[int]]`)
  },
})

const dspex = results.dspex ?? Number.NaN
const ax = results.ax ?? Number.NaN
report('signature-parse', dspex, 'us', `Ax 24 here: ${ax.toFixed(1)} us, ${(ax / dspex).toFixed(1)}x faster; goal < 20 us`)
report('signature-parse-new-types', results.dspexNewTypes ?? Number.NaN, 'us', 'every type string unseen before; Ax parses every call afresh')
