import { parseBenchOptions, SCENARIO_IDS } from '../src/cli/bench-options';
import { scenarioPlan } from '../src/cli/scenario-plan';
import { markdownTable } from '../src/report/markdown-table';
import { longGenerationFigures, longGenerationTable, silentDropTable, type ExperimentOutcome } from '../src/scenarios/long-generation-tables';

/** Outcomes as scenario 8 reports them (given figures, not a run). */
const generations: ExperimentOutcome[] = [
  { row: 'stock', settings: 'SDK defaults', timeScale: 0.1, answerMs: 7_000, answered: true, outcome: 'answer', ms: 7_200, requests: 1, connections: 1 },
  { row: 'seed', settings: 'read timeout 6 s', timeScale: 0.1, answerMs: 7_000, answered: false, outcome: 'TimeoutError (ETIMEDOUT)', ms: 18_150, requests: 3, connections: 3 },
  { row: 'bedrock-flow', settings: 'pool defaults', timeScale: 1, answerMs: 70_000, answered: true, outcome: 'answer', ms: 70_100, requests: 1, connections: 1 },
];
const drops: ExperimentOutcome[] = [
  { row: 'seed', call: 'Converse', settings: 'read timeout 6 s', timeScale: 0.1, dropped: 1, answered: true, outcome: 'answer', ms: 6_050, requests: 1, connections: 1 },
  { row: 'bedrock-flow', call: 'ConverseStream', settings: 'pool defaults', timeScale: 1, dropped: 1, answered: false, outcome: 'not detected within 20 s (aborted by the bench)', ms: 20_000, requests: 0, connections: 0 },
  { row: 'bedrock-flow', call: 'Converse', drop: 'kernel', settings: 'pool defaults', timeScale: 1, answerMs: 7_000, dropped: 1, answered: false, outcome: 'RequestMayHaveBeenBilledError', ms: 11_150, requests: 1, connections: 0 },
  { row: 'seed', call: 'ConverseStream', drop: 'kernel', settings: 'read timeout 6 s', timeScale: 0.1, answerMs: 7_000, dropped: 1, answered: false, outcome: 'Error (ECONNRESET)', ms: 11_000, requests: 1, connections: 0 },
];

describe('scenario 8 tables (long generation, silent drop)', () => {
  it('shows each row\'s scale, outcome and requests billed, and multiplies scaled times back to real scale', () => {
    const md = markdownTable(longGenerationTable(generations, 70_000)).split('\n').slice(2);
    expect(md[0]).toBe('| row | settings | scale | answer s (as run) | answered | requests billed | outcome | s to outcome (as run) | s at real scale |');
    expect(md[2]).toBe('| stock | SDK defaults | ×0.1 | 7 | yes | 1 | answer | 7.20 | 72 |');
    expect(md[3]).toBe('| seed | read timeout 6 s | ×0.1 | 7 | no | 3 | TimeoutError (ETIMEDOUT) | 18.1 | 181.5 |');
    expect(md[4]).toBe('| bedrock-flow | pool defaults | none | 70 | yes | 1 | answer | 70.1 | 70.1 |');
  });

  it('names the call, the dropped connections and the requests that reached the emulator', () => {
    const md = markdownTable(silentDropTable(drops)).split('\n').slice(2);
    expect(md[2]).toBe('| middlebox stall: not detectable by TCP keep-alive | seed | Converse | read timeout 6 s | ×0.1 | 1 | yes | answer | 6.05 | 60.5 | 1 | 1 |');
    expect(md[3]).toBe('| middlebox stall: not detectable by TCP keep-alive | bedrock-flow | ConverseStream | pool defaults | none | 1 | no | not detected within 20 s (aborted by the bench) | 20 | 20 | 0 | 0 |');
    expect(md[4]).toBe('| kernel (nftables) | bedrock-flow | Converse | pool defaults | none | 1 | no | RequestMayHaveBeenBilledError | 11.2 | 11.2 | 1 | 0 |');
    // Keep-alive probes are not scaled: a scaled row's kernel-drop time is not multiplied back.
    expect(md[5]).toBe('| kernel (nftables) | seed | ConverseStream | read timeout 6 s | ×0.1 | 1 | no | Error (ECONNRESET) | 11 | – | 1 | 0 |');
  });

  it('exports figures per row, experiment and call, at real scale', () => {
    const figures = longGenerationFigures(generations, drops);
    expect(figures['seed.longGeneration.requests']).toBe(3);
    expect(figures['seed.longGeneration.answered']).toBe(0);
    expect(figures['seed.longGeneration.realScaleMs']).toBeCloseTo(181_500, 6);
    expect(figures['bedrock-flow.silentDrop.ConverseStream.answered']).toBe(0);
    expect(figures['seed.silentDrop.Converse.realScaleMs']).toBeCloseTo(60_500, 6);
    expect(figures['bedrock-flow.kernelDrop.Converse.requests']).toBe(1);
    expect(figures['bedrock-flow.kernelDrop.Converse.ms']).toBe(11_150);
    expect(figures['seed.kernelDrop.ConverseStream.realScaleMs']).toBeUndefined();
  });

  it('is scenario 8 (--only 8 or long-generation); the seed keeps the 70:60 ratio in both plans', () => {
    expect(SCENARIO_IDS[7]).toBe('long-generation');
    expect(parseBenchOptions(['--only', '8']).only).toEqual(['long-generation']);
    expect(parseBenchOptions(['--only', 'long-generation,1']).only).toEqual(['sequential', 'long-generation']);
    expect(() => parseBenchOptions(['--only', '99'])).toThrow(/or 1-\d+, comma-separated/);
    for (const quick of [true, false]) {
      const plan = scenarioPlan(quick).longGeneration;
      expect(plan.answerMs / plan.seedReadTimeoutMs).toBeCloseTo(70 / 60, 6);
      expect(plan.seedMaxAttempts).toBe(3);
    }
    // The full run faces stock and bedrock-flow with the real answer time.
    expect(scenarioPlan(false).longGeneration.unboundedRowsAnswerScale).toBe(1);
  });
});
