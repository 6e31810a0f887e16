// Hand-written, not recorded: shaped exactly like the reply OpenAI documents for `POST /v1/embeddings`
// (https://platform.openai.com/docs/api-reference/embeddings/create), with short vectors and the items out of
// order to check that the index is honoured.

/** An `/embeddings` reply for two inputs. */
export const openaiEmbeddingsReply = {
  object: 'list',
  data: [
    { object: 'embedding', index: 1, embedding: [-0.010629829, 0.024135591, -0.0042916103] },
    { object: 'embedding', index: 0, embedding: [0.0023064255, -0.009327292, -0.0028842222] },
  ],
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 8, total_tokens: 8 },
}
