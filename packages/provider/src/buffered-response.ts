/**
 * A `Response` whose whole body has already arrived, kept as bytes: reading it as text or JSON
 * costs no web stream, which `new Response(bytes)` builds eagerly (a measurable share of a
 * provider call's CPU). The `body` stream is only built if someone asks for it.
 */
export class BufferedResponse extends Response {
  readonly #payload: Buffer
  #used = false
  #stream: ReadableStream<Uint8Array> | null | undefined

  constructor(payload: Buffer, init: ResponseInit) {
    super(null, init)
    this.#payload = payload
  }

  /** The body as a stream, built on first access (`null` for an empty body). */
  streamBody(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined) this.#stream = this.#payload.length === 0 ? null : new Response(this.#payload).body
    return this.#stream
  }

  /** Whether the body has been read. */
  isBodyUsed(): boolean {
    return this.#used
  }

  /** The body's bytes, once: a second read throws as a Response's does. */
  takeBytes(): Buffer {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read')
    this.#used = true
    return this.#payload
  }

  /** A copy with the same status, headers and unread bytes. */
  copy(): BufferedResponse {
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.')
    return new BufferedResponse(this.#payload, { status: this.status, statusText: this.statusText, headers: this.headers })
  }
}

// Response's body members are typed as properties, so they are replaced on the prototype, not overridden in the class.
Object.defineProperties(BufferedResponse.prototype, {
  body: {
    get(this: BufferedResponse) {
      return this.streamBody()
    },
  },
  bodyUsed: {
    get(this: BufferedResponse) {
      return this.isBodyUsed()
    },
  },
  text: {
    async value(this: BufferedResponse) {
      return this.takeBytes().toString('utf8')
    },
  },
  json: {
    async value(this: BufferedResponse) {
      return JSON.parse(this.takeBytes().toString('utf8'))
    },
  },
  arrayBuffer: {
    async value(this: BufferedResponse) {
      const bytes = this.takeBytes()
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    },
  },
  blob: {
    async value(this: BufferedResponse) {
      return new Blob([this.takeBytes()], { type: this.headers.get('content-type') ?? '' })
    },
  },
  clone: {
    value(this: BufferedResponse) {
      return this.copy()
    },
  },
})
