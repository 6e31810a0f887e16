/** A JSON Schema (or any JSON object) as plain data: what DSPex emits for prompts and providers. */
export interface JSONSchemaObject {
  readonly [key: string]: unknown
}

/**
 * Freezes a JSON value and everything inside it, so a cached schema handed to many callers cannot
 * be changed by one of them. Returns the same value.
 */
export function deepFreezeJSON<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const item of Object.values(value)) deepFreezeJSON(item)
  }
  return value
}
