import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/**
 * The component could not lease a `bedrock-agent-runtime` client from the host's pool (pool closed, endpoint refused,
 * or a pool that leases Bedrock Runtime clients only). Message: `Could not initialize the Knowledge Base retriever:
 * <reason>`; the original error is `cause`.
 */
export class KnowledgeBaseInitializationError extends BedrockFlowError {
  declare readonly code: 'ERR_KNOWLEDGE_BASE_INITIALIZATION_FAILED';

  constructor(reason: string, cause?: unknown) {
    super('ERR_KNOWLEDGE_BASE_INITIALIZATION_FAILED', `Could not initialize the Knowledge Base retriever: ${reason}`, { cause });
  }
}
