import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { NormalizedClientConfig } from '../config/normalize-config';
import { RequestMayHaveBeenBilledError } from '../errors/request-may-have-been-billed-error';
import { attemptBoundFor } from './attempt-bound';
import { AttemptState, trackAttempt } from './attempt-state';
import { isTransportFailure, mayHaveBeenProcessed } from './may-have-been-processed';
import { isBilledGeneration, operationKindOf } from './operation-kind';

/** Name of the middleware on a pooled client's stack. */
export const ATTEMPT_POLICY_MIDDLEWARE = 'bedrockPoolAttemptPolicy';

/**
 * Adds, between the signer and the deserializer (so once per attempt, inside the SDK's retry loop), a middleware that
 * gives each attempt its silence bound by operation kind and, when a generation fails after its request was sent in
 * full, replaces the transport error with a {@link RequestMayHaveBeenBilledError}, which the SDK's retry strategy does
 * not retry. Failures before the request was sent, service errors (throttling, 5xx) and embeddings pass through
 * unchanged and keep being retried by the strategy.
 */
export function addAttemptPolicyMiddleware(client: BedrockRuntimeClient, http: NormalizedClientConfig['http'], retryAfterWrite: boolean): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      const headers = (args.request as { headers?: object } | undefined)?.headers;
      if (typeof headers !== 'object' || headers === null) return next(args);
      const kind = operationKindOf(context.commandName, args.input);
      const bound = attemptBoundFor(kind, http);
      const operation = (context.commandName ?? 'Request').replace(/Command$/, '');
      const state = new AttemptState(operation, kind, bound.timeoutMs, bound.field, retryAfterWrite);
      trackAttempt(headers, state);
      return next(args).catch((error: unknown) => {
        throw unansweredError(state, error) ?? error;
      });
    },
    { step: 'deserialize', priority: 'high', name: ATTEMPT_POLICY_MIDDLEWARE, override: true },
  );
}

function unansweredError(state: AttemptState, error: unknown): RequestMayHaveBeenBilledError | undefined {
  if (!isBilledGeneration(state.kind) || state.retryAfterWrite || !isTransportFailure(error)) return undefined;
  if (!mayHaveBeenProcessed(state, error)) return undefined;
  const code = typeof error.code === 'string' ? error.code : error.name;
  return new RequestMayHaveBeenBilledError({
    operation: state.operation,
    // NodeHttpHandler names ECONNRESET and EPIPE `TimeoutError` too: only the tracked bound, or h2's stream timeout, is one.
    reason: (state.tracked ? state.timedOut : /timed out/i.test(error.message)) ? 'timeout' : 'connection-lost',
    field: state.timeoutField,
    timeoutMs: state.timeoutMs,
    transportError: code,
    transportMessage: error.message,
  });
}
