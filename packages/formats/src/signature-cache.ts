import type { Signature } from '@dspex/signatures'

const withoutKeys = new Map<string, symbol>()
const adapterKeys = new WeakMap<object, Map<string, symbol>>()

/**
 * The signature without the named fields, made once per signature and set of names and kept on the
 * signature, so what adapters cache on it survives from call to call.
 */
export function withoutFields<S extends Signature<object, object>>(signature: S, names: readonly string[]): S {
  if (names.length === 0) return signature
  const id = names.join('\u0000')
  let key = withoutKeys.get(id)
  if (key === undefined) {
    key = Symbol(`dspex.formats.without:${names.join(',')}`)
    withoutKeys.set(id, key)
  }
  return signature.cached(key, (source) => names.reduce((current, name) => current.delete(name) as S, source as S))
}

/**
 * The key under which an adapter class caches one derived text (`purpose`) on a signature. Keys
 * are per class, so a subclass that overrides a hook never reads its parent's cached text.
 */
export function adapterCacheKey(adapterClass: object, purpose: string): symbol {
  let keys = adapterKeys.get(adapterClass)
  if (keys === undefined) {
    keys = new Map()
    adapterKeys.set(adapterClass, keys)
  }
  let key = keys.get(purpose)
  if (key === undefined) {
    key = Symbol(`dspex.formats.${purpose}`)
    keys.set(purpose, key)
  }
  return key
}
