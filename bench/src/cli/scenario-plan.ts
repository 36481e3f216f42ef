import { LONG_GENERATION_FULL, LONG_GENERATION_QUICK, type LongGenerationPlan } from '../scenarios/long-generation-plan';

/** How much work each scenario does; `--quick` shrinks every count. */
export interface ScenarioPlan {
  /** Scenario 1: sequential rebuild + call cycles per row. */
  sequentialCycles: number;
  /** Scenario 2: cold samples per row (after one unmeasured sample that warms the JIT). */
  coldSamples: number;
  /** Scenario 2: simulated graph build, ms of wall time. */
  coldBuildMs: number;
  /** Scenario 3: in-flight levels and the calls measured at each (at least `minCalls`, else `callsPerSlot` per in-flight call). */
  concurrencyLevels: number[];
  concurrencyMinCalls: number;
  concurrencyCallsPerSlot: number;
  /** Scenario 3: sockets of the pool (and of the limit's agent). */
  poolMaxSockets: number;
  /** Scenario 4: build/dispose cycles, unmeasured warm-up cycles first, and a call every `churnCallEvery` cycles. */
  churnCycles: number;
  churnWarmupCycles: number;
  churnCallEvery: number;
  /** Scenario 5: interleaved rounds and calls per variant per round. */
  overheadRounds: number;
  overheadCallsPerRound: number;
  /** Scenario 6: streamed calls per row. */
  streamingSamples: number;
  /** Delay between event-stream frames, ms. */
  streamChunkDelayMs: number;
  /** Scenario 7: documents of the retrieval flow, and runs of each variant (cache on/off × Cohere/Titan). */
  embeddingsDocuments: number;
  embeddingsRuns: number;
  /** Scenario 8: long generations and silent drops (answer time, seed timeout, scales, cap). */
  longGeneration: LongGenerationPlan;
  /** Scenario 10: runs of the Knowledge Base retrieval flow per mode (stock and pooled). */
  knowledgeBaseRuns: number;
  /** Scenario 9: numbers of tenants (flows with distinct credentials), and rounds of the rotation. */
  tenantCounts: number[];
  tenantRounds: number;
}

/** The plan of a full (`quick = false`) or quick run. */
export function scenarioPlan(quick: boolean): ScenarioPlan {
  return quick
    ? {
        sequentialCycles: 100,
        coldSamples: 4,
        coldBuildMs: 200,
        concurrencyLevels: [1, 10, 50, 200],
        concurrencyMinCalls: 30,
        concurrencyCallsPerSlot: 2,
        poolMaxSockets: 50,
        churnCycles: 1_000,
        churnWarmupCycles: 100,
        churnCallEvery: 10,
        overheadRounds: 10,
        overheadCallsPerRound: 20,
        streamingSamples: 10,
        streamChunkDelayMs: 2,
        embeddingsDocuments: 100,
        embeddingsRuns: 10,
        longGeneration: LONG_GENERATION_QUICK,
        tenantCounts: [10, 100, 1_000],
        tenantRounds: 2,
        knowledgeBaseRuns: 20,
      }
    : {
        sequentialCycles: 1_000,
        coldSamples: 10,
        coldBuildMs: 200,
        concurrencyLevels: [1, 10, 50, 200],
        concurrencyMinCalls: 100,
        concurrencyCallsPerSlot: 5,
        poolMaxSockets: 50,
        churnCycles: 10_000,
        churnWarmupCycles: 500,
        churnCallEvery: 10,
        overheadRounds: 30,
        overheadCallsPerRound: 40,
        streamingSamples: 40,
        streamChunkDelayMs: 2,
        embeddingsDocuments: 200,
        embeddingsRuns: 30,
        longGeneration: LONG_GENERATION_FULL,
        tenantCounts: [10, 100, 1_000, 10_000],
        tenantRounds: 2,
        knowledgeBaseRuns: 50,
      };
}
