import type { FlowDefinition } from './flow-definition';

/** Embedding model of the sample flow (Titan v2, 256 dimensions: small and cheap). */
export const RAG_EMBEDDING_MODEL = 'amazon.titan-embed-text-v2:0';
/** Chat model of the sample flow (a US cross-region inference profile). */
export const RAG_CHAT_MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

/**
 * The sample flow: retrieve the two documents closest to the question (embeddings), then answer from them
 * (Converse). Plain data, as a flow builder would save it; compiled into a LangGraph `StateGraph` per request.
 */
export const ragFlow: FlowDefinition = {
  id: 'langgraph-rag',
  nodes: [
    {
      id: 'retrieve',
      component: 'AmazonBedrockEmbeddings',
      role: 'retriever',
      // One request at a time: the corpus is tiny, and the run then needs one connection. Raise it for big corpora
      // (each concurrent request may open its own keep-alive connection, reused afterwards).
      values: { model_id: RAG_EMBEDDING_MODEL, dimensions: 256, max_concurrency: 1 },
      k: 2,
    },
    {
      id: 'respond',
      component: 'AmazonBedrockConverseModel',
      role: 'chat',
      values: {
        model_id: RAG_CHAT_MODEL,
        system_message: 'Answer in one or two sentences, using only the context.',
        temperature: 0.2,
        max_tokens: 300,
      },
    },
  ],
  edges: [
    ['__start__', 'retrieve'],
    ['retrieve', 'respond'],
    ['respond', '__end__'],
  ],
};
