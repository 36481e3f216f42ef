import { BedrockClient, type BedrockClientConfig } from '@aws-sdk/client-bedrock';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockService, BedrockServiceClient } from './bedrock-service';

/** The constructor options the three service clients share (region, endpoint, auth, handler, retry). */
export type ServiceClientConfig = BedrockRuntimeClientConfig & BedrockClientConfig;

/** A new SDK client of `service` with `config`. */
export function createServiceClient<S extends BedrockService>(service: S, config: ServiceClientConfig): BedrockServiceClient<S> {
  switch (service) {
    case 'bedrock':
      return new BedrockClient(config) as BedrockServiceClient<S>;
    case 'bedrock-agent-runtime': {
      // The agent-runtime client has SigV4 only: no token or auth scheme preference to pass on.
      const { token: _token, authSchemePreference: _preference, ...sigv4 } = config as ServiceClientConfig & { token?: unknown; authSchemePreference?: unknown };
      return new BedrockAgentRuntimeClient(sigv4) as BedrockServiceClient<S>;
    }
    default:
      return new BedrockRuntimeClient(config) as BedrockServiceClient<S>;
  }
}
