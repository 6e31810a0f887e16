// Hand-written, not recorded: shaped like a Gemini reply grounded with Google Search, as Google documents
// `groundingMetadata` (search queries, `groundingChunks` of web pages behind vertexaisearch redirect URIs, and
// `groundingSupports` tying answer segments, in byte offsets, to chunk indices). Streamed, the metadata comes with the
// last chunk.

const chunks = [
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQE1', title: 'uefa.com' } },
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQH2', title: 'aljazeera.com' } },
  { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AUZIYQF3', title: 'espn.com' } },
]

/** The grounding metadata of the answer below. */
export const googleGroundingMetadata = {
  webSearchQueries: ['UEFA Euro 2024 winner'],
  searchEntryPoint: { renderedContent: '<style>.container{}</style><div class="container">…</div>' },
  groundingChunks: chunks,
  groundingSupports: [
    {
      segment: { startIndex: 0, endIndex: 56, text: 'Spain won Euro 2024, defeating England 2-1 in the final.' },
      groundingChunkIndices: [0, 1],
      confidenceScores: [0.97, 0.91],
    },
    { segment: { startIndex: 57, endIndex: 108, text: 'It was a record fourth title for the Spanish team.' }, groundingChunkIndices: [1] },
  ],
}

const answer = 'Spain won Euro 2024, defeating England 2-1 in the final. It was a record fourth title for the Spanish team.'

/** A whole grounded reply. */
export const googleGroundedReply = {
  candidates: [{ content: { role: 'model', parts: [{ text: answer }] }, finishReason: 'STOP', groundingMetadata: googleGroundingMetadata }],
  usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 26, totalTokenCount: 35, toolUsePromptTokenCount: 120 },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'v1kEaf2uB8KLqtsPqZa0-Qs',
}

/** The same reply streamed, as `.chunks.txt` payloads. */
export const googleGroundedChunks: string = [
  {
    candidates: [{ content: { role: 'model', parts: [{ text: 'Spain won Euro 2024, defeating England 2-1 in the final.' }] } }],
    modelVersion: 'gemini-2.5-flash',
  },
  {
    candidates: [
      {
        content: { role: 'model', parts: [{ text: ' It was a record fourth title for the Spanish team.' }] },
        finishReason: 'STOP',
        groundingMetadata: googleGroundingMetadata,
      },
    ],
    usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 26, totalTokenCount: 35 },
    modelVersion: 'gemini-2.5-flash',
  },
]
  .map((payload) => JSON.stringify(payload))
  .join('\n')
