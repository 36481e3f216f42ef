import { awsErrorFacts, BedrockFlowError, describeAwsError, sanitizeAwsError } from '@bedrock-flow/bedrock-pool';

/** The most characters of the service's (or the stream's) own message an error keeps (the pool's limit). */
export { MAX_SERVICE_MESSAGE_CHARS } from '@bedrock-flow/bedrock-pool';

/** The agent-runtime operations the component calls. */
export type KnowledgeBaseOperation = 'Retrieve' | 'RetrieveAndGenerate' | 'AgenticRetrieveStream';

/**
 * Bedrock (or the network) failed a Retrieve, RetrieveAndGenerate or AgenticRetrieveStream call after the client's
 * retries (for the stream: an in-stream exception event, a broken stream, or one that ended before its result). Names the
 * operation, the knowledge base, the AWS error name and request id; `field` is `knowledge_base_id` when Bedrock did not
 * find the knowledge base. The service's message is kept redacted of secret-shaped text and cut at
 * {@link MAX_SERVICE_MESSAGE_CHARS}. `cause` is a sanitised copy of the SDK error (never its `$response`).
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
      cause: sanitizeAwsError(cause),
      aws: facts,
    });
    this.operation = operation;
    this.knowledgeBaseId = knowledgeBaseId;
  }
}
