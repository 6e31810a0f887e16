import { describe, expect, it } from 'vitest'
import { inferPrefix } from './infer-prefix.js'

describe('inferPrefix', () => {
  it.each([
    ['question', 'Question'],
    ['snake_case_text', 'Snake Case Text'],
    ['camelCaseText', 'Camel Case Text'],
    ['HTMLParser', 'HTML Parser'],
    ['text2number', 'Text 2 Number'],
    ['2fast', '2 Fast'],
    ['x', 'X'],
    ['already_Title', 'Already  Title'],
    ['APIKey', 'API Key'],
    ['getHTTPResponseCode', 'Get HTTP Response Code'],
    ['isHTTPSSecure123', 'Is HTTPS Secure 123'],
    ['field_1_name', 'Field 1 Name'],
    ['__private', '  Private'],
    ['', ''],
  ])('%s -> %s', (name, prefix) => {
    expect(inferPrefix(name)).toBe(prefix)
  })
})
