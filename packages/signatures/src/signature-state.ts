import { SignatureError } from './errors/signature-error.js'

/** A signature's saved state in DSPy's layout: instructions and, per field in order, prefix and description. */
export interface SignatureState {
  readonly instructions: string
  readonly fields: readonly { readonly prefix: string; readonly description: string }[]
}

/**
 * Checks that `state` has DSPy's signature-state layout and returns it typed.
 *
 * @throws {SignatureError} (`signature-state`) naming the first bad key, e.g. `fields[1].prefix`.
 */
export function readSignatureState(state: unknown, where = 'signature'): SignatureState {
  const fail = (key: string, expected: string, got: unknown): never => {
    throw new SignatureError({
      message: `Invalid saved ${where} state: ${key} must be ${expected}, got ${describe(got)}.`,
      code: 'signature-state',
    })
  }
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return fail(where, 'an object', state)
  const record = state as Record<string, unknown>
  if (typeof record.instructions !== 'string') fail(`${where}.instructions`, 'a string', record.instructions)
  if (!Array.isArray(record.fields)) return fail(`${where}.fields`, 'an array', record.fields)
  for (const [index, field] of (record.fields as unknown[]).entries()) {
    const key = `${where}.fields[${index}]`
    if (typeof field !== 'object' || field === null || Array.isArray(field)) fail(key, 'an object', field)
    const entry = field as Record<string, unknown>
    if (typeof entry.prefix !== 'string') fail(`${key}.prefix`, 'a string', entry.prefix)
    if (typeof entry.description !== 'string') fail(`${key}.description`, 'a string', entry.description)
  }
  return record as unknown as SignatureState
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string' ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${String(value).slice(0, 40)}`
}
