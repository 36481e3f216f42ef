/**
 * Child of scenario 8, started by `runInPrivateNetwork` inside a private loopback-only network namespace: runs the
 * kernel-level silent drop for every row and call at once and prints the outcomes as one JSON line.
 */
import { kernelDrop, type DropCall } from './long-generation';
import { LONG_GENERATION_ROWS } from './long-generation-clients';
import type { LongGenerationPlan } from './long-generation-plan';

const { plan, calls } = JSON.parse(process.env.BENCH_KERNEL_DROP ?? '{}') as { plan: LongGenerationPlan; calls: DropCall[] };
const outcomes = await Promise.all(calls.flatMap((call) => LONG_GENERATION_ROWS.map((row) => kernelDrop(row, plan, call))));
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
process.exit(0);
