import type { RunningEmulator } from '@bedrock-flow/emulator';
import type { ConnectionCounter } from './connection-counts';

/** Counts from the emulator's own stats: TLS handshakes, accepted connections and model requests. */
export function emulatorCounter(emulator: RunningEmulator): ConnectionCounter {
  return {
    side: 'server',
    read() {
      const stats = emulator.stats();
      return {
        tlsHandshakes: stats.tls.handshakes,
        connections: stats.connections.accepted,
        requests: Object.values(stats.requests.byOperation).reduce((a, b) => a + b, 0),
      };
    },
    stop: () => undefined,
  };
}
