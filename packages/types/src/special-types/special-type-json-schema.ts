import { SpecialTypeError } from '../errors/special-type-error.js'
import type { SpecialNode } from '../type-node.js'
import {
  audioDocstring,
  citationDocstring,
  citationsDocstring,
  codeDocstring,
  documentDocstring,
  fileDocstring,
  historyDocstring,
  reasoningDocstring,
} from './special-type-docstrings.js'

type JSONSchema = Record<string, unknown>

function text(title: string): JSONSchema {
  return { title, type: 'string' }
}

function nullableText(title: string): JSONSchema {
  return { anyOf: [{ type: 'string' }, { type: 'null' }], default: null, title }
}

function integer(title: string): JSONSchema {
  return { title, type: 'integer' }
}

function model(parts: { description?: string; properties: JSONSchema; required?: string[]; title: string; closed?: boolean }): JSONSchema {
  return {
    ...(parts.closed === true ? { additionalProperties: false } : {}),
    ...(parts.description === undefined ? {} : { description: parts.description }),
    properties: parts.properties,
    ...(parts.required === undefined ? {} : { required: parts.required }),
    title: parts.title,
    type: 'object',
  }
}

function listOf(reference: string, title: string): JSONSchema {
  return { items: { $ref: `#/$defs/${reference}` }, title, type: 'array' }
}

function toolCallsSchema(): JSONSchema {
  const toolCall = model({
    properties: { name: text('Name'), args: { additionalProperties: true, title: 'Args', type: 'object' } },
    required: ['name', 'args'],
    title: 'ToolCall',
  })
  return {
    $defs: { ToolCall: toolCall },
    ...model({ properties: { tool_calls: listOf('ToolCall', 'Tool Calls') }, required: ['tool_calls'], title: 'ToolCalls' }),
  }
}

function toolCallResultsSchema(): JSONSchema {
  const result = model({
    properties: {
      call_id: nullableText('Call Id'),
      name: text('Name'),
      value: { title: 'Value' },
      is_error: { default: false, title: 'Is Error', type: 'boolean' },
    },
    required: ['name', 'value'],
    title: 'ToolCallResult',
  })
  return {
    $defs: { ToolCallResult: result },
    ...model({
      properties: { tool_call_results: listOf('ToolCallResult', 'Tool Call Results') },
      required: ['tool_call_results'],
      title: 'ToolCallResults',
    }),
  }
}

function citationsSchema(): JSONSchema {
  const citation = model({
    description: citationDocstring,
    properties: {
      type: { default: 'char_location', title: 'Type', type: 'string' },
      cited_text: text('Cited Text'),
      document_index: integer('Document Index'),
      document_title: nullableText('Document Title'),
      start_char_index: integer('Start Char Index'),
      end_char_index: integer('End Char Index'),
      supported_text: nullableText('Supported Text'),
    },
    required: ['cited_text', 'document_index', 'start_char_index', 'end_char_index'],
    title: 'Citation',
  })
  return {
    $defs: { Citation: citation },
    ...model({
      description: citationsDocstring,
      properties: { citations: listOf('Citation', 'Citations') },
      required: ['citations'],
      title: 'Citations',
    }),
  }
}

function codeSchema(language: string | undefined): JSONSchema {
  // `Code["java"]` is a pydantic subclass named `Code_java` with no docstring of its own.
  return model({
    ...(language === undefined ? { description: codeDocstring } : {}),
    properties: { code: text('Code') },
    required: ['code'],
    title: language === undefined ? 'Code' : `Code_${language}`,
  })
}

/**
 * The JSON Schema pydantic produces for one of DSPy's special types (`TypeAdapter(dspy.X).json_schema()`
 * in DSPy 3.3.1): key order, titles and docstring descriptions included, so prompts that show it
 * match DSPy's byte for byte. `ToolCalls` hides the call `id` and `tool_call_results` as DSPy's
 * schema hook does. Nested models sit in a top-level `$defs` (`ToolCall`, `ToolCallResult`,
 * `Citation`), referenced by `#/$defs/...`; a caller embedding the schema must hoist them.
 * Each call returns a fresh object.
 *
 * @throws {SpecialTypeError} for `Tool`: it wraps a function, and pydantic cannot make a JSON Schema for it either.
 * @see DSPy `dspy/adapters/types/*.py` and pydantic `GenerateJsonSchema`
 */
export function specialTypeJSONSchema(node: SpecialNode): Record<string, unknown> {
  switch (node.name) {
    case 'Image':
      return model({ closed: true, properties: { url: text('Url') }, required: ['url'], title: 'Image' })
    case 'Audio':
      return model({
        closed: true,
        description: audioDocstring,
        properties: { data: text('Data'), audio_format: text('Audio Format') },
        required: ['data', 'audio_format'],
        title: 'Audio',
      })
    case 'File':
      return model({
        closed: true,
        description: fileDocstring,
        properties: { file_data: nullableText('File Data'), file_id: nullableText('File Id'), filename: nullableText('Filename') },
        title: 'File',
      })
    case 'History':
      return model({
        closed: true,
        description: historyDocstring,
        properties: { messages: { items: { additionalProperties: true, type: 'object' }, title: 'Messages', type: 'array' } },
        required: ['messages'],
        title: 'History',
      })
    case 'ToolCalls':
      return toolCallsSchema()
    case 'ToolCallResults':
      return toolCallResultsSchema()
    case 'Code':
      return codeSchema(node.language)
    case 'Reasoning':
      return model({ description: reasoningDocstring, properties: { content: text('Content') }, required: ['content'], title: 'Reasoning' })
    case 'Document':
      return model({
        description: documentDocstring,
        properties: {
          data: text('Data'),
          title: nullableText('Title'),
          media_type: { default: 'text/plain', enum: ['text/plain', 'application/pdf'], title: 'Media Type', type: 'string' },
          context: nullableText('Context'),
        },
        required: ['data'],
        title: 'Document',
      })
    case 'Citations':
      return citationsSchema()
    case 'Tool':
      throw new SpecialTypeError({
        message: 'Tool has no JSON Schema: it wraps a function (pydantic: "Cannot generate a JSONSchema for core_schema.CallableSchema").',
        typeName: 'Tool',
      })
  }
}
