import { Agent as HttpsAgent, type AgentOptions, type RequestOptions } from 'node:https';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Duplex } from 'node:stream';

/**
 * A keep-alive `https.Agent` whose sockets are TLS connections tunnelled through an HTTP(S) proxy with
 * `CONNECT`. It does what `https-proxy-agent` does, as an https.Agent subclass using Node's documented
 * asynchronous `createConnection(options, callback)`. `https-proxy-agent` 9 is ESM-only (it cannot be
 * required from our CJS build or CJS test runners), and 7.x, built on agent-base, replaces
 * `createSocket`, so the agent's `ca` never reaches the tunnelled TLS connection and tunnels are not
 * returned to the keep-alive pool (checked: 5 calls, 5 CONNECTs).
 */
export class ProxyTunnelAgent extends HttpsAgent {
  readonly #proxy: URL;

  constructor(proxyUrl: string, options: AgentOptions) {
    super(options);
    this.#proxy = new URL(proxyUrl);
  }

  override createConnection(options: RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): undefined {
    if (!callback) throw new Error('ProxyTunnelAgent needs the createConnection callback (Node http.Agent passes one)');
    const proxy = this.#proxy;
    const proxyHost = proxy.hostname.replace(/^\[|\]$/g, '');
    const proxyPort = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
    const proxySocket: Socket =
      proxy.protocol === 'https:'
        ? tlsConnect({ host: proxyHost, port: proxyPort, ca: options.ca, rejectUnauthorized: options.rejectUnauthorized, ...(isIP(proxyHost) ? {} : { servername: proxyHost }) })
        : netConnect({ host: proxyHost, port: proxyPort });
    const targetHost = (options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
    const authority = `${isIP(targetHost) === 6 ? `[${targetHost}]` : targetHost}:${options.port ?? 443}`;
    const headers = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`, 'Proxy-Connection: Keep-Alive'];
    if (proxy.username || proxy.password) {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      headers.push(`Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}`);
    }
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      proxySocket.destroy();
      callback(error, proxySocket);
    };
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffered.length > 16_384) fail(new Error('proxy CONNECT response headers too large'));
        return;
      }
      proxySocket.off('data', onData);
      const statusLine = buffered.subarray(0, buffered.indexOf('\r\n')).toString('latin1');
      const status = Number(statusLine.split(' ')[1]);
      // Only the status is reported: a proxy's reply may echo request headers, including Proxy-Authorization.
      if (status !== 200) return fail(new Error(`proxy refused CONNECT to ${authority} with HTTP status ${Number.isFinite(status) ? status : 'unknown'}`));
      const tlsSocket = tlsConnect({
        socket: proxySocket,
        ca: options.ca,
        rejectUnauthorized: options.rejectUnauthorized,
        ALPNProtocols: ['http/1.1'],
        ...(isIP(targetHost) ? {} : { servername: options.servername ?? targetHost }),
      });
      settled = true;
      callback(null, tlsSocket);
    };
    proxySocket.on('data', onData);
    proxySocket.once('error', fail);
    proxySocket.once('connect', () => proxySocket.write(`${headers.join('\r\n')}\r\n\r\n`));
    return undefined;
  }
}
