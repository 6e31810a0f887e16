// Test support: a model that exercises every construct pydantic writes into a JSON Schema, with the
// schemas pydantic 2.13 and DSPy 3.3.1 produced for the equivalent Python class:
//
//   class Status(enum.Enum):            """Order status."""  OPEN='open'; CLOSED='closed'
//   class Level(enum.Enum):             LOW=1; HIGH=2
//   class Item(BaseModel):              """One line of an order."""
//       sku: str; qty: int = 1; price: float = Field(1.0, description='Unit price')
//   class Order(BaseModel):
//       order_id: int; status: Status; level: Optional[Level] = None; items: list[Item]; first: Item
//       backup: Optional[Item] = Field(None, description='A spare item'); tags: set[str] = set()
//       pair: tuple[int, str]; extra: dict[str, Any] = {}; counts: dict[str, int]
//       kind: Literal['a', 'b'] = 'a'; one: Literal['x']; mixed: Literal['a', 1]; ratio: Union[int, float]
//       maybe: Union[None, str, int]; anything: Any; nothing: None = None
//       default: int = Field(5, description='zzz')
import { Type } from 'typebox'
import { t } from '../type-builder.js'

/** `Status` */
export const Status = t.enum('Status', { OPEN: 'open', CLOSED: 'closed' }, { description: 'Order status.' })
/** `Level` */
export const Level = t.enum('Level', { LOW: 1, HIGH: 2 })
/** `Item` */
export const Item = t.model(
  'Item',
  {
    sku: t.string(),
    qty: t.withDefault(t.integer(), 1),
    price: t.withDefault(Type.Number({ description: 'Unit price' }), 1),
  },
  { description: 'One line of an order.' },
)
/** `Order` */
export const Order = t.model('Order', {
  order_id: t.integer(),
  status: Status,
  level: t.withDefault(t.optional(Level), null),
  items: t.list(Item),
  first: Item,
  backup: t.withDefault(Type.Unsafe<unknown>({ ...t.optional(Item), description: 'A spare item' }), null),
  tags: t.withDefault(t.set(t.string()), []),
  pair: t.tuple([t.integer(), t.string()]),
  extra: t.withDefault(t.dict(t.any()), {}),
  counts: t.dict(t.integer()),
  kind: t.withDefault(t.literal('a', 'b'), 'a' as never), // Static of a literal union is never in type-builder
  one: t.literal('x'),
  mixed: t.literal('a', 1),
  ratio: t.union([t.integer(), t.number()]),
  maybe: t.union([t.none(), t.string(), t.integer()]),
  anything: t.any(),
  nothing: t.withDefault(t.none(), null),
  default: t.withDefault(Type.Integer({ description: 'zzz' }), 5),
})

/** `json.dumps(TypeAdapter(Order).json_schema(), ensure_ascii=False)` */
export const orderPydanticText =
  '{"$defs": {"Item": {"description": "One line of an order.", "properties": {"sku": {"title": "Sku", "type": "string"}, "qty": {"default": 1, "title": "Qty", "type": "integer"}, "price": {"default": 1.0, "description": "Unit price", "title": "Price", "type": "number"}}, "required": ["sku"], "title": "Item", "type": "object"}, "Level": {"enum": [1, 2], "title": "Level", "type": "integer"}, "Status": {"description": "Order status.", "enum": ["open", "closed"], "title": "Status", "type": "string"}}, "properties": {"order_id": {"title": "Order Id", "type": "integer"}, "status": {"$ref": "#/$defs/Status"}, "level": {"anyOf": [{"$ref": "#/$defs/Level"}, {"type": "null"}], "default": null}, "items": {"items": {"$ref": "#/$defs/Item"}, "title": "Items", "type": "array"}, "first": {"$ref": "#/$defs/Item"}, "backup": {"anyOf": [{"$ref": "#/$defs/Item"}, {"type": "null"}], "default": null, "description": "A spare item"}, "tags": {"default": [], "items": {"type": "string"}, "title": "Tags", "type": "array", "uniqueItems": true}, "pair": {"maxItems": 2, "minItems": 2, "prefixItems": [{"type": "integer"}, {"type": "string"}], "title": "Pair", "type": "array"}, "extra": {"additionalProperties": true, "default": {}, "title": "Extra", "type": "object"}, "counts": {"additionalProperties": {"type": "integer"}, "title": "Counts", "type": "object"}, "kind": {"default": "a", "enum": ["a", "b"], "title": "Kind", "type": "string"}, "one": {"const": "x", "title": "One", "type": "string"}, "mixed": {"enum": ["a", 1], "title": "Mixed"}, "ratio": {"anyOf": [{"type": "integer"}, {"type": "number"}], "title": "Ratio"}, "maybe": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}], "title": "Maybe"}, "anything": {"title": "Anything"}, "nothing": {"default": null, "title": "Nothing", "type": "null"}, "default": {"type": "integer", "default": 5, "description": "zzz", "title": "Default"}}, "required": ["order_id", "status", "items", "first", "pair", "counts", "one", "mixed", "ratio", "maybe", "anything"], "title": "Order", "type": "object"}'

/** The schema text DSPy prints in prompts for an `Order` output field. */
export const orderPromptText =
  '{"type": "object", "$defs": {"Item": {"type": "object", "description": "One line of an order.", "properties": {"price": {"type": "number", "default": 1.0, "description": "Unit price", "title": "Price"}, "qty": {"type": "integer", "default": 1, "title": "Qty"}, "sku": {"type": "string", "title": "Sku"}}, "required": ["sku"], "title": "Item"}, "Level": {"type": "integer", "enum": [1, 2], "title": "Level"}, "Status": {"type": "string", "description": "Order status.", "enum": ["open", "closed"], "title": "Status"}}, "properties": {"anything": {"title": "Anything"}, "backup": {"anyOf": [{"$ref": "#/$defs/Item"}, {"type": "null"}], "default": null, "description": "A spare item"}, "counts": {"type": "object", "additionalProperties": {"type": "integer"}, "title": "Counts"}, "default": {"type": "integer", "default": 5, "description": "zzz", "title": "Default"}, "extra": {"type": "object", "additionalProperties": true, "default": {}, "title": "Extra"}, "first": {"$ref": "#/$defs/Item"}, "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}, "title": "Items"}, "kind": {"type": "string", "default": "a", "enum": ["a", "b"], "title": "Kind"}, "level": {"anyOf": [{"$ref": "#/$defs/Level"}, {"type": "null"}], "default": null}, "maybe": {"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}], "title": "Maybe"}, "mixed": {"enum": ["a", 1], "title": "Mixed"}, "nothing": {"type": "null", "default": null, "title": "Nothing"}, "one": {"type": "string", "const": "x", "title": "One"}, "order_id": {"type": "integer", "title": "Order Id"}, "pair": {"type": "array", "maxItems": 2, "minItems": 2, "prefixItems": [{"type": "integer"}, {"type": "string"}], "title": "Pair"}, "ratio": {"anyOf": [{"type": "integer"}, {"type": "number"}], "title": "Ratio"}, "status": {"$ref": "#/$defs/Status"}, "tags": {"type": "array", "default": [], "items": {"type": "string"}, "title": "Tags", "uniqueItems": true}}, "required": ["order_id", "status", "items", "first", "pair", "counts", "one", "mixed", "ratio", "maybe", "anything"], "title": "Order"}'
