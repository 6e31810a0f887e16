// Test support: the Person/Address models of DSPy's golden cases, as a DSPex user writes them.
import { t } from '../type-builder.js'

/** `class Address(BaseModel)`: street, city and an optional zip code. */
export const Address = t.model('Address', {
  street: t.string(),
  city: t.string(),
  zip_code: t.withDefault(t.union([t.string(), t.none()], 'pep604'), null),
})

/** `class Person(BaseModel)` with a docstring, defaults and a nested optional model. */
export const Person = t.model(
  'Person',
  {
    name: t.string(),
    age: t.integer(),
    emails: t.withDefault(t.list(t.string()), []),
    address: t.withDefault(t.union([Address, t.none()], 'pep604'), null),
  },
  { description: 'A person record.' },
)
