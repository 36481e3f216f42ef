import type { NormalizedClientConfig } from '../config/normalize-config';
import type { OperationKind } from './operation-kind';

/** A silence bound and the setting it comes from (named in timeout errors). */
export interface AttemptBound {
  timeoutMs: number;
  field: string;
}

/** The bound of a call of `kind` on a client configured with `http`: `http.requestTimeoutMs` when set, else the kind's own. */
export function attemptBoundFor(kind: OperationKind, http: NormalizedClientConfig['http']): AttemptBound {
  if (http.requestTimeoutMs !== undefined) return { timeoutMs: http.requestTimeoutMs, field: 'http.requestTimeoutMs' };
  switch (kind) {
    case 'generation':
      return { timeoutMs: http.generationTimeoutMs, field: 'http.generationTimeoutMs' };
    case 'stream':
      return { timeoutMs: http.streamSilenceTimeoutMs, field: 'http.streamSilenceTimeoutMs' };
    case 'embedding':
      return { timeoutMs: http.embeddingTimeoutMs, field: 'http.embeddingTimeoutMs' };
    default:
      return { timeoutMs: http.otherTimeoutMs, field: 'http.otherTimeoutMs' };
  }
}
