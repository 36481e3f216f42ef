import path from 'node:path';
import { defineConfig } from 'tsup';

/** Workspace packages bundled into dist, mapped to their TypeScript sources (as jest does), so no sibling build is needed. */
const WORKSPACE_PACKAGES = ['bedrock-pool', 'component', 'converse', 'embeddings', 'knowledge-base', 'model'];

/**
 * One CommonJS bundle, `dist/index.js`, holding the three nodes and everything they use except the host's
 * `@langchain/core` and `n8n-workflow` (n8n's copies must be used: it checks supplied models against its own
 * classes and reads its own error classes). One bundle, not one per node, so every node shares one pool.
 * `scripts/write-node-entries.mjs` then writes the per-node files n8n loads (`dist/nodes/<Name>/<Name>.node.js`).
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['cjs'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: false,
  dts: false,
  splitting: false,
  noExternal: [/^@bedrock-flow\//, /^@langchain\/aws/, /^@aws-sdk\//, /^@smithy\//, /^zod/, /^hdr-histogram-js/],
  external: [/^@langchain\/core/, /^n8n-workflow/, '@n8n/ai-utilities', '@opentelemetry/api'],
  esbuildOptions(options) {
    options.alias = Object.fromEntries(
      WORKSPACE_PACKAGES.map((name) => [`@bedrock-flow/${name}`, path.resolve(__dirname, '..', name, 'src', 'index.ts')]),
    );
  },
});
