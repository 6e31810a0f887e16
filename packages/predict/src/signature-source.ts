import { Signature, type SignatureInputs, type SignatureOutputs } from '@dspex/signatures'

/** What a predictor is built from: a DSPy signature string (`'question -> answer'`) or a {@link Signature}. */
export type SignatureSource = string | Signature<object, object>

/** The signature a predictor holds when its source is not known statically. */
export type AnySignatureSource = Signature<Record<string, unknown>, Record<string, unknown>>

/** The input type of a signature source: `SourceInputs<'question, k: int -> answer'>` is `{ question: string; k: number }`. */
export type SourceInputs<Source extends SignatureSource> = Source extends string
  ? SignatureInputs<Source>
  : Source extends Signature<infer Inputs, object>
    ? Inputs
    : never

/** The output type of a signature source: `SourceOutputs<'question -> answer: float'>` is `{ answer: number }`. */
export type SourceOutputs<Source extends SignatureSource> = Source extends string
  ? SignatureOutputs<Source> extends infer Outputs extends object
    ? Outputs
    : never
  : Source extends Signature<object, infer Outputs>
    ? Outputs
    : never

/** The signature of a source, parsing a string. */
export function toSignature<Source extends SignatureSource>(source: Source): Signature<SourceInputs<Source>, SourceOutputs<Source>> {
  return (typeof source === 'string' ? Signature.parse(source) : source) as Signature<SourceInputs<Source>, SourceOutputs<Source>>
}
