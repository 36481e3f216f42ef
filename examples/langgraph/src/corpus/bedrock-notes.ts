/** A document of the sample corpus. */
export interface CorpusDocument {
  id: string;
  text: string;
}

/** A tiny corpus about Bedrock clients, for the retrieval step. */
export const BEDROCK_NOTES: readonly CorpusDocument[] = [
  { id: 'transport', text: 'Since SDK 3.798 the default Bedrock Runtime client opens a new connection and TLS handshake for every call.' },
  { id: 'keep-alive', text: 'A NodeHttpHandler with a keep-alive https.Agent serves sequential calls on one warm connection.' },
  { id: 'pool', text: 'bedrock-pool keeps clients outside the graph, keyed by flow id and node id, so rebuilding a graph reuses them.' },
  { id: 'embeddings', text: 'Titan text embeddings take one text per call; Cohere embed takes up to 96 texts per call.' },
  { id: 'converse', text: 'The Converse API gives one request shape for every chat model family on Bedrock.' },
  { id: 'regions', text: 'Cross-region inference profiles such as us.anthropic... route requests across the regions of a geography.' },
];
