/**
 * What a call is, for its default wait and whether it may be retried after it was sent:
 * - `generation`: a non-streaming model answer (Converse, InvokeModel on a generation model); silent until complete.
 * - `stream`: a streaming model answer (ConverseStream, InvokeModelWithResponseStream); sends events as it goes.
 * - `embedding`: InvokeModel on an embedding model; quick, cheap and deterministic, so retried like any call.
 *   RetrieveAndGenerate (Bedrock Agent Runtime) is a generation, its stream a stream; AgenticRetrieveStream is a
 *   stream too (a foundation model plans the sub-queries and, by default, writes an answer: billed like a generation).
 * - `other`: everything else (ApplyGuardrail, CountTokens, the warm-up ping, the control plane's lists, Retrieve).
 */
export type OperationKind = 'generation' | 'stream' | 'embedding' | 'other';

/** Embedding model ids and profiles: `amazon.titan-embed-…`, `cohere.embed-…`, `…nova-2-multimodal-embeddings…`, `twelvelabs.marengo-embed…`. */
const EMBEDDING_MODEL = /(^|[.:/-])embed/i;

/**
 * The kind of a Bedrock Runtime command from its name and input. An InvokeModel is an embedding when its model id
 * names an embedding model; an ARN that does not (an application inference profile) counts as a generation, unless
 * the caller says otherwise with the call option `operationKind`.
 */
export function operationKindOf(commandName: string | undefined, input: unknown): OperationKind {
  switch (commandName) {
    case 'ConverseCommand':
    // Bedrock Agent Runtime: retrieval plus a model's answer, billed like a generation (issue 25).
    case 'RetrieveAndGenerateCommand':
      return 'generation';
    case 'ConverseStreamCommand':
    case 'RetrieveAndGenerateStreamCommand':
    // Agentic retrieval (bedrock-agent-runtime): a model plans, retrieves and answers over an event stream.
    case 'AgenticRetrieveStreamCommand':
    case 'InvokeModelWithResponseStreamCommand':
    case 'InvokeModelWithBidirectionalStreamCommand':
      return 'stream';
    case 'InvokeModelCommand': {
      const modelId = (input as { modelId?: unknown } | undefined)?.modelId;
      return typeof modelId === 'string' && EMBEDDING_MODEL.test(modelId) ? 'embedding' : 'generation';
    }
    default:
      return 'other';
  }
}

/** Whether a call of this kind may be billed although no answer came back, so it is not retried after it was sent. */
export function isBilledGeneration(kind: OperationKind): boolean {
  return kind === 'generation' || kind === 'stream';
}
