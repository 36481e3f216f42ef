import { Agent, request as httpsRequest } from 'node:https';
import { CONVERSE_BODY, modelPath } from './converse-request';
import type { BuildRequest, BuiltNode, RowDriver } from './row-driver';

const BODY = Buffer.from(CONVERSE_BODY);
// The event type name is a header of every delta frame: finding it in the bytes marks the first token.
const DELTA_MARK = 'contentBlockDelta';

/**
 * Row `limit`: a raw keep-alive `https.request` with the same JSON body on an already-open socket, unsigned (the
 * emulator has `auth: 'none'`): one round trip plus server time, the physical floor of every other row.
 */
export class LimitClient {
  readonly #agent: Agent;
  readonly #host: string;
  readonly #port: number;

  constructor(endpoint: string, ca: string, maxSockets: number) {
    const url = new URL(endpoint);
    this.#host = url.hostname;
    this.#port = Number(url.port);
    this.#agent = new Agent({ keepAlive: true, maxSockets, ca });
  }

  /** POSTs the Converse body to `operation`; resolves at the end of the response body. */
  call(operation: 'converse' | 'converse-stream', onFirstToken?: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          agent: this.#agent,
          host: this.#host,
          port: this.#port,
          method: 'POST',
          path: modelPath(operation),
          headers: { 'content-type': 'application/json', 'content-length': BODY.length },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          let tail = '';
          let first = onFirstToken !== undefined;
          res.on('data', (chunk: Buffer) => {
            if (!first) return;
            // Keep a short tail so a mark split across chunks is still found.
            const text = tail + chunk.toString('latin1');
            if (text.includes(DELTA_MARK)) {
              first = false;
              onFirstToken!();
            }
            tail = text.slice(-DELTA_MARK.length);
          });
          res.on('end', () => (status >= 200 && status < 300 ? resolve() : reject(new Error(`limit: HTTP ${status}`))));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(BODY);
    });
  }

  /** Closes the open sockets. */
  destroy(): void {
    this.#agent.destroy();
  }
}

/** The limit as a row: building is free, and the socket stays open across builds. */
export function limitDriver(endpoint: string, ca: string, maxSockets: number): RowDriver {
  const client = new LimitClient(endpoint, ca, maxSockets);
  const node: BuiltNode = {
    converse: () => client.call('converse'),
    converseStream: (onFirstToken) => client.call('converse-stream', onFirstToken),
    endRun: async () => undefined,
  };
  return {
    row: 'limit',
    async build(request: BuildRequest) {
      await request.restOfBuild?.();
      return node;
    },
    credentialResolutions: () => 0,
    poolMetrics: () => undefined,
    warmUpFailures: () => 0,
    close: async () => client.destroy(),
  };
}
