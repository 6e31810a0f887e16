import type { GoogleFunctionCall, GooglePartialArg } from './google-wire-schemas.js'

/** A function call put together from Gemini's parts: the name, the arguments and the part's thought signature. */
export interface GoogleAssembledFunctionCall {
  readonly name: string
  readonly args: Record<string, unknown>
  readonly signature?: string
}

/**
 * Puts together the function calls of a Gemini stream. Gemini 3 (and Vertex with `streamFunctionCallArguments`)
 * streams a call's arguments in pieces: a part `{ name, willContinue: true }` opens the call, parts
 * `{ partialArgs: [{ jsonPath, stringValue | numberValue | boolValue | nullValue, willContinue }], willContinue: true }`
 * fill it in (string pieces at one path are joined), and a part without `willContinue` (often a bare
 * `functionCall: {}` with no name) closes it. Older models send each call whole, with `args`.
 */
export interface GoogleFunctionCallAssembler {
  /** Takes one `functionCall` part (and its part's thought signature); returns the calls it completes, in order. */
  add(functionCall: GoogleFunctionCall, signature?: string): GoogleAssembledFunctionCall[]
  /** Returns the call still open when the stream ends (its closing part never came), if any. */
  flush(): GoogleAssembledFunctionCall | undefined
}

type Segment = string | number

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The segments of a `partialArgs` JSON path: `$.recipe.steps[0]` is `['recipe', 'steps', 0]`; undefined when unreadable. */
export function parseGoogleJSONPath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined
  const segments: Segment[] = []
  let index = 1
  while (index < path.length) {
    const char = path[index]
    if (char === '.') {
      const match = /^[^.[\]]+/.exec(path.slice(index + 1))
      if (match === null) return undefined
      segments.push(match[0])
      index += 1 + match[0].length
    } else if (char === '[') {
      const match = /^\[(?:(\d+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/.exec(path.slice(index))
      if (match === null) return undefined
      segments.push(match[1] === undefined ? (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1') : Number(match[1]))
      index += match[0].length
    } else return undefined
  }
  return segments
}

function setAt(container: Record<string, unknown> | unknown[], key: Segment, value: unknown): void {
  if (Array.isArray(container)) {
    if (typeof key === 'number') container[key] = value
  } else if (typeof key === 'string') {
    Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true })
  }
}

function getAt(container: Record<string, unknown> | unknown[], key: Segment): unknown {
  if (Array.isArray(container)) return typeof key === 'number' ? container[key] : undefined
  return typeof key === 'string' && Object.hasOwn(container, key) ? container[key] : undefined
}

/** Writes one partial argument into `args`, creating the objects and arrays on its path; string pieces are appended. */
function applyPartialArg(args: Record<string, unknown>, partial: GooglePartialArg): void {
  const segments = parseGoogleJSONPath(partial.jsonPath ?? '')
  if (segments === undefined || segments.length === 0) return
  let container: Record<string, unknown> | unknown[] = args
  for (const [position, segment] of segments.slice(0, -1).entries()) {
    let child = getAt(container, segment)
    if (!isRecord(child) && !Array.isArray(child)) {
      child = typeof segments[position + 1] === 'number' ? [] : {}
      setAt(container, segment, child)
    }
    container = child as Record<string, unknown> | unknown[]
  }
  const last = segments[segments.length - 1] as Segment
  if (typeof partial.stringValue === 'string') {
    const existing = getAt(container, last)
    setAt(container, last, typeof existing === 'string' ? existing + partial.stringValue : partial.stringValue)
  } else if (typeof partial.numberValue === 'number') setAt(container, last, partial.numberValue)
  else if (typeof partial.boolValue === 'boolean') setAt(container, last, partial.boolValue)
  else if (partial.nullValue !== undefined) setAt(container, last, null)
}

/**
 * Creates a {@link GoogleFunctionCallAssembler} for one stream.
 *
 * @example
 * ```ts
 * const calls = createGoogleFunctionCallAssembler()
 * for (const call of calls.add(part.functionCall, part.thoughtSignature)) yield toToolCall(call)
 * ```
 */
export function createGoogleFunctionCallAssembler(): GoogleFunctionCallAssembler {
  let open: { name: string; args: Record<string, unknown>; signature?: string } | undefined
  const close = (): GoogleAssembledFunctionCall[] => {
    if (open === undefined) return []
    const { name, args, signature } = open
    open = undefined
    return [{ name, args, ...(signature === undefined ? {} : { signature }) }]
  }
  return {
    add(functionCall, signature) {
      const done: GoogleAssembledFunctionCall[] = []
      if (typeof functionCall.name === 'string' && functionCall.name !== '') {
        done.push(...close())
        const args = isRecord(functionCall.args) ? { ...functionCall.args } : {}
        open = { name: functionCall.name, args, ...(signature ? { signature } : {}) }
      }
      if (open === undefined) return done
      for (const partial of functionCall.partialArgs ?? []) applyPartialArg(open.args, partial)
      if (functionCall.willContinue !== true) done.push(...close())
      return done
    },
    flush() {
      return close()[0]
    },
  }
}
