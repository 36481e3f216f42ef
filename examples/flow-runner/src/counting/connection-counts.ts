/** Counters the demo diffs around each run. */
export interface ConnectionCounts {
  tlsHandshakes: number;
  connections: number;
  /** Model requests (warm-up pings excluded); `null` when not countable. */
  requests: number | null;
}

/** Where the counts come from: the emulator's stats, or this process's sockets against real Bedrock. */
export interface ConnectionCounter {
  /** `server` (the emulator saw them) or `client` (this process opened them). */
  readonly side: 'server' | 'client';
  read(): ConnectionCounts;
  stop(): void;
}
