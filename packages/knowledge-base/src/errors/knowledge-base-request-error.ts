import { awsErrorFacts, BedrockFlowError, describeAwsError } from '@bedrock-flow/bedrock-pool';

/** The agent-runtime operations the component calls. */
export type KnowledgeBaseOperation = 'Retrieve' | 'RetrieveAndGenerate' | 'AgenticRetrieveStream';

/**
 * Bedrock (or the network) failed a Retrieve, RetrieveAndGenerate or AgenticRetrieveStream call after the client's
 * retries (for the stream: an in-stream exception event, a broken stream, or one that ended before its result). Names the
 * operation, the knowledge base, the AWS error name and request id; `field` is `knowledge_base_id` when Bedrock did not
 * find the knowledge base. `cause` is a sanitised copy of the SDK error (never its `$response`).
 */
export class KnowledgeBaseRequestError extends BedrockFlowError {
  declare readonly code: 'ERR_KNOWLEDGE_BASE_REQUEST_FAILED';
  /** The operation that failed. */
  readonly operation: KnowledgeBaseOperation;
  /** The knowledge base asked. */
  readonly knowledgeBaseId: string;

  constructor(operation: KnowledgeBaseOperation, knowledgeBaseId: string, cause: unknown) {
    const facts = awsErrorFacts(cause);
    const message = cause instanceof Error ? cause.message : String(cause);
    super('ERR_KNOWLEDGE_BASE_REQUEST_FAILED', `Bedrock Knowledge Base ${operation} on ${knowledgeBaseId} failed: ${describeAwsError(facts, message)}`, {
      ...(facts.name === 'ResourceNotFoundException' ? { field: 'knowledge_base_id' } : {}),
      cause,
      aws: facts,
    });
    this.operation = operation;
    this.knowledgeBaseId = knowledgeBaseId;
  }
}
