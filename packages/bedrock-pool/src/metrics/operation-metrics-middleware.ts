import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { MetricsRecorder } from './metrics-recorder';

interface WithMetadata {
  $metadata?: { attempts?: number };
}

/** Adds an `initialize`-step middleware counting operations, retries (attempts − 1) and failed operations by error name. */
export function addOperationMetricsMiddleware(client: BedrockRuntimeClient, recorder: MetricsRecorder): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        recorder.add('operations');
        recordRetries(recorder, (result.output as WithMetadata | undefined)?.$metadata?.attempts);
        return result;
      } catch (error) {
        recorder.add('operations');
        recordRetries(recorder, (error as WithMetadata | undefined)?.$metadata?.attempts);
        recorder.error(`operation:${error instanceof Error ? error.name : 'unknown'}`);
        throw error;
      }
    },
    { step: 'initialize', name: 'bedrockPoolOperationMetrics', override: true },
  );
}

function recordRetries(recorder: MetricsRecorder, attempts: number | undefined): void {
  if (attempts !== undefined && attempts > 1) recorder.add('retries', attempts - 1);
}
