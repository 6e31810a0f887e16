import { pythonValueRepr } from './python-value-repr.js'
import type { TypeNode } from './type-node.js'

/**
 * Python's `str()` of a JSON-able value, as DSPy prints a field value after pydantic's
 * `dump_python(value, mode="json")`: a string raw and unquoted, `True`/`False`, `None` for
 * `null`/`undefined`, ints as digits, floats as Python prints them (`0.5`, `1e-05`, `inf`).
 *
 * JavaScript holds `1.0` as `1`, so `node` (the field's type) says which numbers are floats: an
 * integral number prints as `1.0` where the type is `float` (also inside an `Optional[float]` or
 * a `list[float]`). Lists and objects print as Python's `repr` of a list or dict
 * (`['a', 1.0, None]`, `{'k': True}`); DSPy's prompts print those with `json.dumps` instead
 * (see `pythonJSONDumps`).
 *
 * @example
 * ```ts
 * pythonStr(true) // 'True'
 * pythonStr(1, { kind: 'float' }) // '1.0'
 * pythonStr(0.00001) // '1e-05'
 * ```
 * @see Python's `str()`
 */
export function pythonStr(value: unknown, node?: TypeNode): string {
  return typeof value === 'string' ? value : pythonValueRepr(value, node)
}
