export { DSPexError, type DSPexErrorOptions } from './errors/dspex-error.js'
export { TypeDefinitionError } from './errors/type-definition-error.js'
export type {
  DictNode,
  EnumMember,
  EnumNode,
  ListNode,
  LiteralNode,
  LiteralValue,
  ModelField,
  ModelNode,
  SpecialNode,
  SpecialTypeName,
  TupleNode,
  TypeNode,
  UnionNode,
} from './type-node.js'
export { typeMetadataKey, readTypeMetadata, type TypeMetadata } from './type-metadata.js'
export { describeType } from './describe-type.js'
export { t, type LiteralSchemas, type ModelOptions } from './type-builder.js'
export { pythonTypeName, typeNodeName } from './python-type-name.js'
export { pythonFloatRepr, pythonIntRepr, pythonScalarRepr, pythonStringRepr } from './python-repr.js'
export { pythonJsonDumps, type PythonJsonDumpsOptions } from './python-json-dumps.js'
export { parsePythonType, type ParsePythonTypeOptions, type TypeRegistry } from './parse-python-type.js'
export { isSpecialTypeName, specialTypeSchema } from './special-type-schema.js'
