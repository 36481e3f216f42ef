import { BedrockError } from '../errors/bedrock-error';
import { bump } from '../stats/stats-recorder';
import type { EmulatorOperation, FaultConfig } from '../types';
import type { GenerationPace } from './generation-pace';
import type { StreamFaultPlan } from '../event-stream/event-stream-writer';

/** What the faults decided for one request, before the model runs. */
export interface FaultDecision {
  /** Answer this error instead of the model. */
  error?: BedrockError;
  /** Destroy the connection without answering. */
  reset?: boolean;
  /** Never answer and never close: the connection goes silent until the emulator closes. */
  blackhole?: boolean;
  /** Hold the first byte this long (`Infinity`: never answer). */
  firstByteDelayMs?: number;
}

/** Whether request number `n` (1-based) is picked by an `everyNth` / `rate` / `count` rule. */
function picks(n: number, rule: { everyNth?: number; rate?: number }, remaining: { count?: number }): boolean {
  if (remaining.count !== undefined && remaining.count > 0) {
    remaining.count -= 1;
    return true;
  }
  if (rule.everyNth !== undefined && rule.everyNth > 0 && n % rule.everyNth === 0) return true;
  // Spreads `rate` evenly and deterministically: request n is picked when floor(n*rate) steps up.
  if (rule.rate !== undefined && rule.rate > 0 && Math.floor(n * rule.rate) > Math.floor((n - 1) * rule.rate)) return true;
  return false;
}

/**
 * Holds the active {@link FaultConfig} and decides, request by request, which fault fires.
 * Each `set()` replaces the config and restarts the `count`/`everyNth` sequences.
 */
export class FaultController {
  private config: FaultConfig = {};
  private seen = 0;
  private throttleLeft: { count?: number } = {};
  private serverErrorLeft: { count?: number } = {};
  private resetLeft: { count?: number } = {};
  private blackholeLeft: { count?: number } = {};

  constructor(private readonly counters: () => Record<string, number>) {}

  set(config: FaultConfig): void {
    this.config = { ...config };
    this.seen = 0;
    this.throttleLeft = { count: config.throttle?.count };
    this.serverErrorLeft = { count: config.serverError?.count };
    this.resetLeft = { count: config.resetConnection?.count };
    this.blackholeLeft = { count: config.blackhole?.count };
  }

  get current(): FaultConfig {
    return this.config;
  }

  private applies(operation: EmulatorOperation): boolean {
    return !this.config.operations || this.config.operations.includes(operation);
  }

  private count(name: string): void {
    bump(this.counters(), name);
  }

  /** Decides the pre-response faults for a request of `operation`. */
  decide(operation: EmulatorOperation): FaultDecision {
    if (!this.applies(operation)) return {};
    this.seen += 1;
    const n = this.seen;
    const { throttle, serverError, resetConnection, blackhole, firstByteDelayMs } = this.config;
    if (resetConnection && picks(n, resetConnection, this.resetLeft)) {
      this.count('resetConnection');
      return { reset: true };
    }
    if (blackhole && picks(n, blackhole, this.blackholeLeft)) {
      this.count('blackhole');
      return { blackhole: true };
    }
    if (throttle && picks(n, throttle, this.throttleLeft)) {
      this.count('throttle');
      const headers: Record<string, string> = throttle.retryAfterSeconds !== undefined ? { 'retry-after': String(throttle.retryAfterSeconds) } : {};
      return { error: new BedrockError('ThrottlingException', 429, 'Too many requests, please wait before trying again.', headers) };
    }
    if (serverError && picks(n, serverError, this.serverErrorLeft)) {
      this.count('serverError');
      return {
        error:
          serverError.status === 503
            ? new BedrockError('ServiceUnavailableException', 503, 'Bedrock is unable to process your request.')
            : new BedrockError('InternalServerException', 500, 'The server encountered an internal error while processing the request.'),
      };
    }
    if (firstByteDelayMs !== undefined && firstByteDelayMs > 0) {
      this.count('firstByteDelay');
      return { firstByteDelayMs };
    }
    return {};
  }

  /**
   * The generation pace for a chat answer of `operation` (counted in `generationPace`), or `undefined`
   * when none is set or `operations` leaves this one out.
   */
  pace(operation: EmulatorOperation): GenerationPace | undefined {
    const pace = this.config.generationPace;
    if (!pace || !this.applies(operation)) return undefined;
    this.count('generationPace');
    return pace;
  }

  /** The stream faults for an event-stream response of `operation`. */
  streamPlan(operation: EmulatorOperation): StreamFaultPlan {
    const base: StreamFaultPlan = { onFault: (name) => this.count(name) };
    if (!this.applies(operation)) return base;
    const { cutStreamAfterFrames, streamException } = this.config;
    return {
      ...base,
      ...(cutStreamAfterFrames !== undefined ? { cutAfterFrames: cutStreamAfterFrames } : {}),
      ...(streamException
        ? {
            exception: {
              afterFrames: streamException.afterFrames,
              exceptionType: streamException.exceptionType ?? 'throttlingException',
              message: streamException.message ?? 'Too many requests, please wait before trying again.',
            },
          }
        : {}),
    };
  }

  /** Counts an idle connection closed by `idleCloseMs`. */
  idleClosed(): void {
    this.count('idleClose');
  }
}
