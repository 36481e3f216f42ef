// Run after `pnpm build`: npx tsx packages/converse/examples/run-converse-example.ts
import { runConverseExample } from './converse-example';

runConverseExample().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
