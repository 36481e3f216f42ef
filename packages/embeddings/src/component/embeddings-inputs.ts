import {
  awsCredentialInputs,
  boolInput,
  embeddingModelIdInput,
  endpointUrlInput,
  intInput,
  regionNameInput,
  timeoutInput,
  type InputValues,
} from '@bedrock-flow/component';
import { DEFAULT_EMBEDDING_MAX_CONCURRENCY, MAX_EMBEDDING_CONCURRENCY } from '../embeddings/bedrock-batched-embeddings';
import { dimensionsInput } from './dimensions-input';

/**
 * Inputs of `AmazonBedrockEmbeddings` in Langflow's order (`model_id`, the four credential inputs,
 * `region_name`, `endpoint_url`), then the bedrock-flow additions, all advanced: `dimensions` and
 * `normalize` (Titan v2), `max_concurrency`, `timeout` and `cache_embeddings`.
 */
export const embeddingsInputs = {
  model_id: embeddingModelIdInput(),
  ...awsCredentialInputs({
    sessionToken: { defaultVariable: 'AWS_SESSION_TOKEN', advanced: false },
    credentialsProfileName: { defaultVariable: 'AWS_CREDENTIALS_PROFILE_NAME' },
  }),
  region_name: regionNameInput(),
  endpoint_url: endpointUrlInput(),
  dimensions: dimensionsInput(),
  normalize: boolInput({
    displayName: 'Normalize',
    info: 'Titan Text Embeddings v2 only: return unit-length vectors. Ignored by the other models.',
    advanced: true,
    default: true,
  }),
  max_concurrency: intInput({
    displayName: 'Max Concurrency',
    info: `Most embedding requests in flight at once for this node (1 to ${MAX_EMBEDDING_CONCURRENCY}).`,
    advanced: true,
    default: DEFAULT_EMBEDDING_MAX_CONCURRENCY,
    min: 1,
    max: MAX_EMBEDDING_CONCURRENCY,
  }),
  timeout: timeoutInput({
    info:
      'Seconds to wait for each embedding request. Empty: 30 s. Embeddings are retried after a timeout (they are deterministic and cheap).',
  }),
  cache_embeddings: boolInput({
    displayName: 'Cache Embeddings',
    info: 'Reuse vectors already computed for the same model, settings, text and credentials (in this process, or in Redis when the host configures it), so a re-run only sends new texts to Bedrock.',
    advanced: true,
    default: true,
  }),
};

/** Validated values of {@link embeddingsInputs}, as `build_embeddings` receives them. */
export type EmbeddingsValues = InputValues<typeof embeddingsInputs>;
