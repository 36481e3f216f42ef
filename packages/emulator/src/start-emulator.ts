import type net from 'node:net';
import { EmulatorCore } from './emulator-core';
import { KnowledgeBaseStore } from './knowledge-base/knowledge-base-store';
import { FaultController } from './faults/fault-controller';
import { startLatencyProxy, type RunningLatencyProxy } from './proxy/latency-proxy';
import { createCleartextListener } from './server/cleartext-listener';
import { ConnectionRegistry } from './server/connection-registry';
import { createProtocolServers } from './server/protocol-servers';
import { createSecureListener } from './server/secure-listener';
import { generateTlsCertificate } from './server/tls-certificate';
import { RequestLog } from './script/request-log';
import { ScriptRegistry } from './script/script-registry';
import { bump, StatsRecorder } from './stats/stats-recorder';
import { EmulatorOptionsError } from './errors/emulator-options-error';
import { waitForOpenConnections } from './stats/wait-for-open-connections';
import { TEST_CREDENTIALS } from './test-credentials';
import type { EmulatorOptions, RunningEmulator } from './types';
import { validateEmulatorOptions } from './options/validate-options';
import { validateFaultConfig } from './options/validate-fault-config';
import { CONTROL_PATH_PREFIX } from './control/control-routes';
import { ControlPlaneCatalog } from './control-plane/control-plane-catalog';

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Starts a Bedrock Runtime emulator on 127.0.0.1. One port serves HTTP/1.1 (keep-alive) and h2c,
 * or with `tls: true` HTTPS with ALPN h2 + http/1.1 and a self-signed certificate (`ca`).
 * With `rttMs > 0` (or `proxy: true`, or `natIdleTimeoutMs`) a latency proxy sits in front and `url`/`port`
 * are the proxy's. With `control: true`
 * the counters and request log are also served as JSON under `/__emulator/`.
 * Throws `EmulatorOptionsError` naming every bad option before anything listens.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  validateEmulatorOptions(options);
  const stats = new StatsRecorder();
  const registry = new ConnectionRegistry(stats);
  const faults = new FaultController(() => stats.live.faults);
  faults.set(options.faults ?? {});
  const scripts = new ScriptRegistry();
  const log = new RequestLog();
  const resetStats = (): void => {
    stats.reset();
    log.clear();
  };
  let proxy: RunningLatencyProxy | undefined;
  const core = new EmulatorCore({
    stats,
    registry,
    faults,
    scripts,
    log,
    knowledgeBases: new KnowledgeBaseStore(options.knowledgeBases),
    auth: {
      mode: options.auth ?? 'sigv4',
      credentials: options.credentials ?? [TEST_CREDENTIALS],
      bearerTokens: options.bearerTokens ?? [],
    },
    catalog: new ControlPlaneCatalog(options.catalog),
    enforceInferenceProfiles: options.enforceInferenceProfiles ?? false,
    serverDelayMs: options.serverDelayMs ?? 0,
    streamChunkDelayMs: options.streamChunkDelayMs ?? 0,
    // The proxy is created after the server listens; the blackhole reads it when it fires.
    onBlackhole: (raw) => {
      if (raw.remotePort !== undefined) proxy?.dropConnection(raw.remotePort);
    },
    ...(options.control ? { control: { stats: () => stats.snapshot(), requests: () => log.list(), resetStats } } : {}),
  });

  let server: net.Server;
  let destroySessions: () => void;
  let ca: string | undefined;
  if (options.tls) {
    const cert = await generateTlsCertificate();
    ca = cert.cert;
    const secure = createSecureListener(cert, core.handle, registry, stats);
    server = secure.server;
    destroySessions = secure.destroySessions;
  } else {
    const servers = createProtocolServers(core.handle, stats);
    server = createCleartextListener(servers, registry);
    destroySessions = servers.destroySessions;
  }
  const withProxy = options.proxy ?? ((options.rttMs ?? 0) > 0 || options.natIdleTimeoutMs !== undefined);
  const serverPort = await listen(server, withProxy ? 0 : (options.port ?? 0));
  if (withProxy) {
    try {
      proxy = await startLatencyProxy({
        target: { host: '127.0.0.1', port: serverPort },
        rttMs: options.rttMs ?? 0,
        port: options.port ?? 0,
        ...(options.natIdleTimeoutMs !== undefined ? { dropIdleAfterMs: options.natIdleTimeoutMs } : {}),
        onDrop: () => bump(stats.live.faults, 'silentDrop'),
      });
    } catch (error) {
      server.close();
      throw error;
    }
  }
  const port = proxy ? proxy.port : serverPort;
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      destroySessions();
      registry.destroyAll();
      await proxy?.close();
      await closed;
    })();
    return closing;
  };

  return {
    url,
    port,
    ...(ca !== undefined ? { ca } : {}),
    ...(options.control ? { controlUrl: `${url}${CONTROL_PATH_PREFIX}` } : {}),
    stats: () => stats.snapshot(),
    resetStats,
    setFaults: (config) => {
      validateFaultConfig(config);
      faults.set(config);
      registry.rearmIdleTimers(config.idleCloseMs, () => faults.idleClosed());
    },
    script: (match, reply) => scripts.set(match, reply),
    requests: () => log.list(),
    dropIdleConnections: (dropOptions) => {
      if (!proxy) {
        throw new EmulatorOptionsError('proxy', 'dropIdleConnections() needs the proxy in front: start with proxy: true, rttMs > 0 or natIdleTimeoutMs');
      }
      return proxy.dropIdleConnections(dropOptions);
    },
    waitForOpenConnections: (open, timeoutMs) => waitForOpenConnections(() => stats.live.connections.open, open, timeoutMs),
    close,
  };
}
