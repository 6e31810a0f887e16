import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { parsePythonType } from './parse-python-type.js'
import { pythonTypeName } from './python-type-name.js'
import { t } from './type-builder.js'

describe('pythonTypeName', () => {
  it.each([
    ['str', 'str'],
    ['int', 'int'],
    ['float', 'float'],
    ['bool', 'bool'],
    ['Any', 'Any'],
    ['None', 'NoneType'],
    ['list[str]', 'list[str]'],
    ['List[int]', 'list[int]'],
    ['set[str]', 'set[str]'],
    ['tuple[int, str]', 'tuple[int, str]'],
    ['dict[str, list[int]]', 'dict[str, list[int]]'],
    ['Dict[str, Any]', 'dict[str, Any]'],
    ['Optional[int]', 'Union[int, NoneType]'],
    ['int | None', 'Union[int, NoneType]'],
    ['Union[int, str]', 'Union[int, str]'],
    ["Literal['a', 'b']", "Literal['a', 'b']"],
    [`Literal["she's here", 'okay']`, `Literal["she's here", 'okay']`],
    ["Literal[1, 'bar']", "Literal[1, 'bar']"],
    ["Literal[True, 3, 'foo']", "Literal[True, 3, 'foo']"],
    ["Literal['a', None]", "Union[Literal['a'], NoneType]"],
    ['dspy.Image', 'Image'],
    ['History', 'History'],
    ['dspy.Reasoning', 'str'],
    ['Code', 'Code'],
    ['Code["java"]', 'Code_java'],
    ['dspy.experimental.Document', 'Document'],
  ])('%s is named %s', (text, name) => {
    expect(pythonTypeName(parsePythonType(text))).toBe(name)
  })

  it('names pep604 unions from the builder as UnionType, models and enums by class name', () => {
    expect(pythonTypeName(t.union([t.string(), t.none()], 'pep604'))).toBe('UnionType[str, NoneType]')
    expect(pythonTypeName(t.model('Person', { name: t.string() }))).toBe('Person')
    expect(pythonTypeName(t.list(t.enum('Color', { RED: 'red' })))).toBe('list[Color]')
    expect(pythonTypeName(Type.Object({ a: Type.String() }))).toBe('dict')
  })
})
