/** An image content part, as DSPy sends `dspy.Image` to the LM (OpenAI chat format). */
export interface ImageURLContentPart {
  readonly type: 'image_url'
  readonly image_url: { readonly url: string }
}

/** An audio content part, as DSPy sends `dspy.Audio` (OpenAI `input_audio`). */
export interface InputAudioContentPart {
  readonly type: 'input_audio'
  readonly input_audio: { readonly data: string; readonly format: string }
}

/** The file fields of a {@link FileContentPart}; only the ones that are set appear. */
export interface FileContentPartFile {
  readonly file_data?: string
  readonly file_id?: string
  readonly filename?: string
}

/** A file content part, as DSPy sends `dspy.File` (OpenAI `file`). */
export interface FileContentPart {
  readonly type: 'file'
  readonly file: FileContentPartFile
}

/** A citable document block, as DSPy sends `dspy.experimental.Document` (Anthropic `document`). */
export interface DocumentContentPart {
  readonly type: 'document'
  readonly source: { readonly type: 'text'; readonly media_type: string; readonly data: string }
  readonly citations: { readonly enabled: true }
  readonly title?: string
  readonly context?: string
}

/** A content part a special type's `format()` can produce. */
export type SpecialTypeContentPart = ImageURLContentPart | InputAudioContentPart | FileContentPart | DocumentContentPart
