import { floatInput } from './number-inputs';
import type { InputSpec } from './input-spec';
import type { AwsInputOverrides } from './aws-inputs';

/** Largest per-node timeout, in seconds: 60 min, the Bedrock Runtime's own limit for one inference call. */
export const MAX_TIMEOUT_SECONDS = 3_600;

/**
 * `timeout`: "Timeout", seconds, advanced, empty by default (each operation's own wait). Named as upstream Langflow's
 * model components name theirs (`timeout`, "Timeout") and as n8n's Bedrock node labels its option. For a non-streaming
 * call it bounds the wait for the whole answer, for a streaming call the longest silence; it becomes the pool's
 * `http.requestTimeoutMs`. Allowed: above 0 (at least 1 ms) and at most 3600.
 */
export function timeoutInput(overrides: AwsInputOverrides = {}): InputSpec<number | undefined> {
  return floatInput({
    displayName: 'Timeout',
    info:
      'Seconds to wait for the model: for a non-streaming call, the whole answer; for a streaming call, the longest pause between two parts. ' +
      'Empty: each call type has its own (15 min for a non-streaming answer, 30 s of silence for a stream, 30 s for an embedding). ' +
      'A call that times out after it was sent is not sent again: the model may have processed it and it may be billed.',
    min: 0.001,
    max: MAX_TIMEOUT_SECONDS,
    allowedNote: 'seconds (at most 60 min); empty for the default of each call type',
    advanced: true,
    ...overrides,
  });
}
