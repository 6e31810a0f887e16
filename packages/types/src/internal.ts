// What other DSPex packages (formats, predict, signatures, primitives, testing, the golden tests) share with
// this one: type-node helpers, Python's printing rules and JSON repair. Not a public API: these names may
// change in any release.
export { coerceValue } from './coerce-value.js'
export { formatJSONObject, type JSONableValue, type SerializedJSON, serializeForJSON } from './format-json-value.js'
export { loadRepairedJSON } from './load-repaired-json.js'
export { maxNestingDepth } from './nesting-depth.js'
export { typeNodePromptJSONSchemaText } from './prompt-json-schema.js'
export { typeNodePydanticJSONSchema } from './pydantic-json-schema.js'
export { type PythonJSONDumpsOptions, pythonJSONDumps } from './python-json-dumps.js'
export { pythonFloatRepr, pythonScalarRepr, pythonStringRepr } from './python-repr.js'
export { pythonStr } from './python-str.js'
export { typeNodeName } from './python-type-name.js'
export { type PythonRepresentable, pythonValueRepr } from './python-value-repr.js'
export { selectUnionOption } from './select-union-option.js'
export { type SpecialTypeSchemas, specialTypeSchema } from './special-type-schema.js'
export { customTypeEndIdentifier, customTypeStartIdentifier } from './special-types/custom-type-markers.js'
export { specialTypeDescription } from './special-types/special-type-description.js'
