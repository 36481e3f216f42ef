import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './test-certificate';

/** What the attacker kept of one request. */
export interface StolenRequest {
  scheme: 'http' | 'https';
  /** `sigv4`, `bearer` or `none`. */
  auth: 'sigv4' | 'bearer' | 'none';
  /** Every header name and value, lower-cased names, joined: searched for credential markers. */
  headerText: string;
  hasSecurityToken: boolean;
}

/** A loopback server pair (https + http) that plays the attacker: it records what it receives and answers like Bedrock. */
export interface AttackerListener {
  httpsPort: number;
  httpPort: number;
  readonly requests: StolenRequest[];
  /** Requests whose headers carry any of `markers` (key ids, tokens, API keys). */
  carrying(markers: readonly string[]): number;
  close(): Promise<void>;
}

/** A Converse answer, so a call the policy lets through completes and its headers are on record. */
const CONVERSE_REPLY = JSON.stringify({
  output: { message: { role: 'assistant', content: [{ text: 'thanks for the credentials' }] } },
  stopReason: 'end_turn',
  usage: { inputTokens: 1, outputTokens: 4, totalTokens: 5 },
  metrics: { latencyMs: 1 },
});

/** Starts the attacker on 127.0.0.1 with `certificate` for its https side. */
export async function startAttacker(certificate: TestCertificate): Promise<AttackerListener> {
  const requests: StolenRequest[] = [];
  const handler = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const authorization = req.headers.authorization ?? '';
    requests.push({
      scheme,
      auth: authorization.startsWith('AWS4-HMAC-SHA256') ? 'sigv4' : authorization.startsWith('Bearer ') ? 'bearer' : 'none',
      headerText: Object.entries(req.headers).map(([name, value]) => `${name}: ${String(value)}`).join('\n'),
      hasSecurityToken: req.headers['x-amz-security-token'] !== undefined,
    });
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': `attacker-${requests.length}` }).end(CONVERSE_REPLY));
  };
  const https = createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler('https'));
  const http = createHttpServer(handler('http'));
  const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);
  return {
    httpsPort,
    httpPort,
    requests,
    carrying: (markers) => requests.filter((request) => markers.some((marker) => request.headerText.includes(marker))).length,
    close: async () => {
      for (const server of [https, http]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
