import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { ConfigValidationError } from '../errors/config-validation-error';

/**
 * The Bedrock services a pool leases clients of, by their endpoint prefix (the first label of the AWS host name):
 * - `bedrock-runtime`: Converse, InvokeModel and their streams (`@aws-sdk/client-bedrock-runtime`), the default;
 * - `bedrock`: the control plane, e.g. ListFoundationModels, ListInferenceProfiles (`@aws-sdk/client-bedrock`);
 * - `bedrock-agent-runtime`: Retrieve, RetrieveAndGenerate on Knowledge Bases (`@aws-sdk/client-bedrock-agent-runtime`).
 * All three sign SigV4 requests with the signing name `bedrock`.
 */
export type BedrockService = 'bedrock-runtime' | 'bedrock' | 'bedrock-agent-runtime';

/** Every {@link BedrockService}, the default first. */
export const BEDROCK_SERVICES: readonly BedrockService[] = ['bedrock-runtime', 'bedrock', 'bedrock-agent-runtime'];

/** The default service of `acquire`: Bedrock Runtime. */
export const DEFAULT_BEDROCK_SERVICE: BedrockService = 'bedrock-runtime';

/** The SDK client type of each service. */
export interface BedrockServiceClients {
  'bedrock-runtime': BedrockRuntimeClient;
  bedrock: BedrockClient;
  'bedrock-agent-runtime': BedrockAgentRuntimeClient;
}

/** The SDK client type of service `S`. */
export type BedrockServiceClient<S extends BedrockService> = BedrockServiceClients[S];

/** Options of `acquire` beyond identity and config. */
export interface AcquireOptions<S extends BedrockService = BedrockService> {
  /** The service whose client the lease holds. Default `'bedrock-runtime'`. */
  service?: S;
}

/** Whether the service's SDK client can send a Bedrock API key (`Authorization: Bearer`): runtime and control plane can. */
export function serviceAcceptsBearer(service: BedrockService): boolean {
  return service !== 'bedrock-agent-runtime';
}

/** Validates `service` (from `acquire` options); throws {@link ConfigValidationError} on `service`. */
export function validateService(service: unknown): BedrockService {
  if (service === undefined) return DEFAULT_BEDROCK_SERVICE;
  if (typeof service === 'string' && (BEDROCK_SERVICES as readonly string[]).includes(service)) return service as BedrockService;
  throw new ConfigValidationError('service', `got ${typeof service === 'string' ? JSON.stringify(service.slice(0, 60)) : typeof service}`, BEDROCK_SERVICES.map((s) => `"${s}"`).join(', '));
}
