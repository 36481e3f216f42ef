/**
 * `pnpm demo`: the naive / seed / bedrock-flow comparison on the retrieval flow. See the README for
 * the flags and what the table means.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DemoOptionsError, parseDemoArgs } from './demo-options';
import { MissingCredentialsError } from './real-credentials';
import { runDemo } from './run-demo';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

async function main(): Promise<void> {
  // The SDK's multi-line Node 20 notice would break the progress line; say it once, briefly, instead.
  if (process.versions.node.split('.')[0] === '20' && process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] === undefined) {
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
    console.log('note: Node 20 works; AWS SDK releases after the first week of January 2027 need Node 22.');
  }
  const parsed = parseDemoArgs(process.argv.slice(2), {
    flowPath: here('../../../flows/retrieval.json'),
    resultsDir: here('../../results'),
  });
  // pnpm runs the script in this package's folder; relative --flow/--out mean the caller's folder (INIT_CWD).
  const callerDir = process.env['INIT_CWD'] ?? process.cwd();
  const options = { ...parsed, flowPath: resolve(callerDir, parsed.flowPath), resultsDir: resolve(callerDir, parsed.resultsDir) };
  console.log(`bedrock-flow demo: ${options.runs} runs of ${options.flowPath.split(/[\\/]/).pop()} per mode, graph rebuilt from JSON before every run\n`);
  const outcome = await runDemo(options, { progress: process.stdout, log: (line) => console.log(line) });
  console.log(`\n${outcome.table}\n`);
  for (const mode of outcome.results.modes) console.log(`  ${mode.mode.padEnd(18)} ${mode.description}`);
  if (outcome.pool) {
    const t = outcome.pool.totals;
    console.log(
      `\nbedrock-flow's pool, by its own metrics: ${outcome.pool.slots.length} slot(s), ${t.connectionsOpened} connection(s), ${t.tlsHandshakes} TLS handshake(s), ` +
        `${t.requests} requests (${t.warmUpRequests} warm-up pings), ${t.requestsOnReusedConnections} on reused connections, ` +
        `${t.credentialResolutions} credential resolution(s).`,
    );
  }
  if (outcome.embeddingCache) {
    const c = outcome.embeddingCache;
    console.log(
      `\nembedding cache (bedrock-flow+cache), by its own metrics: ${c.hits} hit(s), ${c.misses} miss(es), ${c.requestsSaved} request(s) saved, ` +
        `${c.entries} entr${c.entries === 1 ? 'y' : 'ies'} in ${c.bytes} bytes (${c.store}), ${c.evictions} eviction(s), ${c.storeErrors} store error(s).`,
    );
  }
  const distinct = new Set(Object.values(outcome.answers));
  console.log(`\nanswer (${distinct.size === 1 ? 'same in every mode' : 'DIFFERS between modes'}): ${[...distinct][0]?.slice(0, 300) ?? ''}`);
  const written = outcome.written;
  if (written) {
    console.log(`\nwrote ${written.json}\n      ${written.svg}`);
    console.log(written.png.written ? `      ${written.png.path} (${written.png.tool})` : `      no PNG: ${written.png.reason}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof DemoOptionsError && error.option === '--help') {
    console.log(error.message);
    return;
  }
  if (error instanceof DemoOptionsError || error instanceof MissingCredentialsError) {
    console.error(error.message);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
