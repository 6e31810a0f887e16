// Test support: what DSPy 3.3.1's own special types produced (recorded by running
// dspy/adapters/types/*.py with pydantic 2.13.4 on Python 3.11.7), and tiny image/audio files.
import { readFileSync } from 'node:fs'
import type { SpecialTypeName } from '../../type-node.js'

/** One recorded value: what DSPy built from `input` and how it printed and serialised it. */
export interface RecordedValue {
  type: SpecialTypeName
  language?: string
  input: unknown
  repr: string
  str: string
  dump: unknown
  format: unknown
}

/** The recorded file. */
export interface RecordedSpecialTypes {
  recorded_with: string
  json_schemas: Record<string, Record<string, unknown>>
  descriptions: Record<string, string | null>
  values: RecordedValue[]
  tool: { name: string; desc: string; args: Record<string, Record<string, unknown>>; str: string; repr: string; dump: string; litellm: unknown }
}

/** DSPy's recorded special-type behaviour. */
export const recorded: RecordedSpecialTypes = JSON.parse(
  readFileSync(new URL('./dspy-special-types.json', import.meta.url), 'utf8'),
) as RecordedSpecialTypes

/** The recorded values of one type. */
export function recordedValues(type: SpecialTypeName): RecordedValue[] {
  return recorded.values.filter((value) => value.type === type)
}

/** A complete 1x1 transparent PNG. */
export const pngBytes = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (char) => char.charCodeAt(0),
)

/** The start of a JPEG (SOI + APP0 JFIF marker). */
export const jpegBytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00])

/** The start of a RIFF/WAVE file. */
export const wavBytes = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WAVEfmt ')
