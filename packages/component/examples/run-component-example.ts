// Run after `pnpm build`: npx tsx packages/component/examples/run-component-example.ts
import { runComponentExample } from './define-component-example';

runComponentExample().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
