import type { PhaseValue } from '../timing/call-timing';
import type { DoctorReport, PoolSettingsInForce } from '../probe/run-doctor';

const cell = (value: PhaseValue): string => (typeof value === 'number' ? `${value.toFixed(1)} ms` : value);

/** The doctor's report as text: target, model id kind, the phase table (cold vs warm), call outcomes and pool settings. */
export function formatDoctorReport(report: DoctorReport): string {
  const { model, settings, cold, warm } = report;
  const modelLine = model.crossRegionProfile
    ? `${model.modelId}: cross-region inference profile (geography "${model.geography}", base model ${model.baseModelId})`
    : `${model.modelId}: ${model.arn ? 'an ARN' : 'a single-region model id'}, not a cross-region inference profile${model.arn ? '' : ` (a us./eu./apac./global. prefix would make it one)`}`;
  const rows: Array<[string, string, string]> = [
    ['DNS lookup', cell(cold.dns), cell(warm.dns)],
    ['TCP connect', cell(cold.tcpConnect), cell(warm.tcpConnect)],
    ['TLS handshake', cell(cold.tls), cell(warm.tls)],
    ['credential resolution + signing', cell(cold.credentialsAndSigning), cell(warm.credentialsAndSigning)],
    ['time to first byte', cell(cold.timeToFirstByte), cell(warm.timeToFirstByte)],
    ['total', cell(cold.total), cell(warm.total)],
    ['HTTP attempts', String(cold.attempts), String(warm.attempts)],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length), 5);
  const w1 = Math.max(...rows.map((r) => r[1].length), 4);
  const w2 = Math.max(...rows.map((r) => r[2].length), 4);
  const line = (a: string, b: string, c: string): string => `  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c.padStart(w2)}`;
  return [
    'bedrock-flow doctor',
    `  endpoint     ${settings.endpoint} (region ${report.region})`,
    `  model        ${modelLine}`,
    `  credentials  ${settings.credentialSource}`,
    '',
    line('phase', 'cold', 'warm'),
    line('-'.repeat(w0), '-'.repeat(w1), '-'.repeat(w2)),
    ...rows.map(([a, b, c]) => line(a, b, c)),
    '',
    `  cold call: ${cold.outcome}`,
    `  warm call: ${warm.outcome}`,
    `  connections opened: ${report.connectionsOpened}, credential resolutions: ${report.credentialResolutions} (keep-alive and memoized credentials work when both are 1)`,
    '',
    'pool settings in force',
    `  transport ${settings.transport} keep-alive, maxSockets ${settings.maxSockets}, connect timeout ${settings.connectTimeoutMs} ms, idle connections closed after ${settings.idleSocketTimeoutMs} ms`,
    `  ${formatWaits(settings.waits)}`,
    `  retry ${settings.retryMode}, ${settings.maxAttempts} attempts, ${settings.retryAfterWrite ? 'also' : 'not'} after a generation was sent; idle TTL ${settings.idleTtlMs / 1000} s, max slots ${settings.maxSlots}`,
    `  proxy ${settings.proxied ? 'yes (from HTTPS_PROXY / https_proxy; URL not shown)' : 'none'}; extra CA ${settings.extraCa ? 'yes (--ca)' : 'no (Node roots)'}`,
  ].join('\n');
}

function formatWaits(waits: PoolSettingsInForce['waits']): string {
  if (waits.requestTimeoutMs !== undefined) return `wait ${waits.requestTimeoutMs} ms for every call (http.requestTimeoutMs)`;
  return `waits: non-streaming answer ${waits.generationMs} ms, stream silence ${waits.streamSilenceMs} ms, embedding ${waits.embeddingMs} ms, other ${waits.otherMs} ms`;
}
