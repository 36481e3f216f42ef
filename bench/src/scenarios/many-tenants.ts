import { MAX_BENCH_TENANTS } from '../rows/tenant-credentials';
import { createTenantRow, TENANT_ROW_EMULATOR, TENANT_ROW_IDS, TENANT_ROW_LABELS, type TenantRowId } from '../rows/tenant-rows';
import { summarizeLatencies } from '../stats/latency-summary';
import { canCollect, heapAndBuffersAfterGc } from './heap';
import { ratio } from './latency-table';
import { errorText, now, ProgressReporter, type ScenarioContext } from './scenario-context';
import type { Cell, ScenarioResult } from './scenario-result';

interface TenantOutcome {
  tenants: number;
  row: TenantRowId;
  runs: number;
  connections: number;
  tlsHandshakes: number;
  countedBy: string;
  credentialResolutions: number;
  allMs: number[];
  lastRoundMs: number[];
  heapGrowthMB: number;
  slots: number | null;
  endpoints: number | null;
  poolConnectionsOpen: number | null;
  errors: string[];
  wallMs: number;
}

/**
 * Scenario 9: a multi-user host. N flows, each with its own AWS key pair (N distinct credentials), run in rotation
 * (flow 0, 1, …, N-1, then again) for `tenantRounds` rounds, one Converse call per run, for N = each of
 * `tenantCounts`, on loopback (RTT 0: the counts are the point, and 4 × 2 × 10,000 calls at 30 ms would take hours).
 * Rows one after another per N (start rotated), so each row's heap is its own.
 */
export async function runManyTenants(ctx: ScenarioContext): Promise<ScenarioResult> {
  const started = now();
  const { tenantCounts, tenantRounds: rounds } = ctx.plan;
  if (Math.max(...tenantCounts) > MAX_BENCH_TENANTS) throw new Error(`tenantCounts above ${MAX_BENCH_TENANTS} (the emulators know that many keys)`);
  const total = tenantCounts.reduce((sum, n) => sum + n * rounds * TENANT_ROW_IDS.length, 0);
  const progress = new ProgressReporter('tenants', total, ctx.channel);
  const outcomes: TenantOutcome[] = [];
  for (const [k, tenants] of tenantCounts.entries()) {
    for (let r = 0; r < TENANT_ROW_IDS.length; r += 1) {
      const id = TENANT_ROW_IDS[(k + r) % TENANT_ROW_IDS.length]!;
      const emulatorRow = TENANT_ROW_EMULATOR[id];
      await ctx.channel.resetCounters('local', emulatorRow);
      const heapBefore = await heapAndBuffersAfterGc();
      const row = createTenantRow(id, ctx.config.emulators.local[emulatorRow], ctx.plan.poolMaxSockets);
      const allMs: number[] = [];
      const lastRoundMs: number[] = [];
      const errors: string[] = [];
      const t0 = now();
      let outcome: TenantOutcome;
      try {
        for (let round = 0; round < rounds; round += 1) {
          for (let tenant = 0; tenant < tenants; tenant += 1) {
            const t = now();
            try {
              await row.run(tenant);
              const ms = now() - t;
              allMs.push(ms);
              if (round === rounds - 1) lastRoundMs.push(ms);
            } catch (error) {
              errors.push(errorText(error));
            }
            progress.tick(1, `${tenants} tenants: ${TENANT_ROW_LABELS[id]}`);
          }
        }
        const wallMs = now() - t0;
        const heapGrowthMB = (await heapAndBuffersAfterGc()) - heapBefore;
        const counters = await ctx.channel.counters('local', emulatorRow);
        const metrics = row.poolMetrics();
        outcome = {
          tenants,
          row: id,
          runs: tenants * rounds,
          connections: counters.connections,
          tlsHandshakes: counters.tlsHandshakes,
          countedBy: counters.source,
          credentialResolutions: row.credentialResolutions(),
          allMs,
          lastRoundMs,
          heapGrowthMB,
          slots: metrics ? metrics.slots.length : null,
          endpoints: metrics ? metrics.endpoints.length : null,
          poolConnectionsOpen: metrics ? metrics.totals.connectionsOpen : null,
          errors,
          wallMs,
        };
      } finally {
        await row.close();
      }
      outcomes.push(outcome);
    }
  }
  const figures: Record<string, number> = {};
  const rows: Cell[][] = [];
  for (const tenants of tenantCounts) {
    const stockP50 = summarizeLatencies(outcomes.find((o) => o.tenants === tenants && o.row === 'stock')!.allMs).p50;
    for (const id of TENANT_ROW_IDS) {
      const o = outcomes.find((candidate) => candidate.tenants === tenants && candidate.row === id)!;
      const all = summarizeLatencies(o.allMs);
      const last = summarizeLatencies(o.lastRoundMs);
      const key = `${id}.n${tenants}`;
      figures[`${key}.tlsHandshakes`] = o.tlsHandshakes;
      figures[`${key}.credentialResolutions`] = o.credentialResolutions;
      figures[`${key}.p50`] = all.p50;
      figures[`${key}.heapGrowthMB`] = o.heapGrowthMB;
      rows.push([
        tenants,
        TENANT_ROW_LABELS[id],
        o.runs,
        o.connections,
        o.tlsHandshakes,
        o.credentialResolutions,
        all.p50,
        last.p50,
        ratio(all.p50, stockP50),
        o.heapGrowthMB,
        o.slots,
        o.endpoints,
        o.errors.length,
      ]);
    }
  }
  return {
    scenario: 'tenants',
    title: `8. Many tenants: N flows with N distinct credentials in rotation, ${rounds} rounds (N = ${tenantCounts.map((n) => n.toLocaleString('en-US')).join(', ')}; RTT 0)`,
    description:
      `A multi-user host: flow i carries tenant i's own key pair (the emulators verify every signature against ${MAX_BENCH_TENANTS.toLocaleString('en-US')} tenant keys), and the flows run in rotation, one Converse call per run, sequentially. ` +
      'stock and seed build a client per run (stock with the SDK default handler, seed with a keep-alive agent destroyed at the end of the run). ' +
      'The pool rows acquire per run (graph = the tenant\'s flow) on one `BedrockPool`: "sockets per credential" is the pool before issue 26 (`transportSharing: \'per-slot\'`, `maxSlots: 64`), "sockets per endpoint" the default (`per-endpoint`, `maxSlots` 1,000). ' +
      'Connections and TLS handshakes are counted by the row\'s emulator (stock: by its proxy, where each connection is one TLS handshake); credential resolutions by counting providers (SDK rows) or the pool. ' +
      `Heap = JS heap + ArrayBuffers after two full GCs${canCollect() ? '' : ' (NOT available in this run)'}, after the last round minus before the row, with the row's clients or pool still alive. p50 = build + call per run, over every run and over the last round.`,
    tables: [
      {
        columns: ['N tenants', 'row', 'runs', 'connections', 'TLS handshakes', 'credential resolutions', 'p50 ms', 'p50 ms, last round', 'p50 × stock', 'heap growth MB', 'slots alive', 'transports', 'errors'],
        rows,
      },
    ],
    charts: [],
    figures,
    notes: outcomes.flatMap((o) => (o.errors.length ? [`${o.tenants} tenants, ${TENANT_ROW_LABELS[o.row]}: ${o.errors.length} errors (first: ${o.errors[0]})`] : [])),
    durationMs: now() - started,
    raw: outcomes.map((o) => ({ ...o, allMs: undefined, lastRoundMs: undefined, p50: summarizeLatencies(o.allMs), lastRound: summarizeLatencies(o.lastRoundMs) })),
  };
}
