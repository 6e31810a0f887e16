import { describe, expect, it } from 'vitest'
import { getAttributeByName, setAttributeByName } from './attribute-path.js'
import { ModuleError } from './errors/module-error.js'

describe('setAttributeByName (DSPy test_complex_module_set_attribute_by_name)', () => {
  it('sets through properties, list indices and quoted keys', () => {
    const same = { name: 'same' } as Record<string, unknown>
    const root: Record<string, unknown> = {
      sub_module: { nested_list: [{}, { key: {} }], nested_tuple: [{}, [same, same]] },
    }
    setAttributeByName(root, 'test_attrib', true)
    setAttributeByName(root, 'sub_module.test_attrib', true)
    setAttributeByName(root, 'sub_module.nested_list[0].test_attrib', true)
    setAttributeByName(root, "sub_module.nested_list[1]['key'].test_attrib", true)
    setAttributeByName(root, 'sub_module.nested_tuple[0].test_attrib', true)
    setAttributeByName(root, 'sub_module.nested_tuple[1][0].test_attrib', true)
    for (const name of [
      'test_attrib',
      'sub_module.test_attrib',
      'sub_module.nested_list[0].test_attrib',
      'sub_module.nested_list[1]["key"].test_attrib',
      'sub_module.nested_tuple[0].test_attrib',
      'sub_module.nested_tuple[1][0].test_attrib',
      'sub_module.nested_tuple[1][1].test_attrib',
    ]) {
      expect(getAttributeByName(root, name)).toBe(true)
    }
  })

  it('replaces list items and Map entries', () => {
    const root = { lst: ['a', 'b'], m: new Map([['k', 1]]) }
    setAttributeByName(root, 'lst[1]', 'z')
    setAttributeByName(root, "m['k']", 2)
    expect(root.lst).toEqual(['a', 'z'])
    expect(root.m.get('k')).toBe(2)
  })

  it('rejects names that lead nowhere or are malformed', () => {
    const root = { lst: [1], obj: {} }
    for (const name of ['missing.x', 'lst[3]', 'lst[x]', "obj['k", '', 'obj..x']) {
      expect(() => setAttributeByName(root, name, 1)).toThrow(ModuleError)
    }
    expect(() => getAttributeByName(root, 'obj.nothing')).toThrow(expect.objectContaining({ code: 'module-attribute-path' }))
  })
})
