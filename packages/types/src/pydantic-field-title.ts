const casedCharacter = /[\p{Lu}\p{Ll}\p{Lt}]/u

/**
 * The `title` pydantic gives a model field in its JSON Schema: Python's `name.title()`, then
 * underscores become spaces and the ends are stripped (`zip_code` → `Zip Code`, `userID` →
 * `Userid`, `field2name` → `Field2Name`).
 *
 * @see pydantic.json_schema.GenerateJsonSchema.get_title_from_name
 */
export function pydanticFieldTitle(name: string): string {
  return pythonTitle(name).replaceAll('_', ' ').trim()
}

/** Python's `str.title()`: a cased character is upper-cased after an uncased one, lower-cased otherwise. */
function pythonTitle(text: string): string {
  let previousCased = false
  let result = ''
  for (const character of text) {
    result += previousCased ? character.toLowerCase() : character.toUpperCase()
    previousCased = casedCharacter.test(character)
  }
  return result
}
