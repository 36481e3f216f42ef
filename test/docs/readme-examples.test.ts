/**
 * The example files README blocks are copies of (`<!-- example: path -->`) run against the emulator, and what they
 * print matches the `// -> line` comments in them (and so in the README): a README shows only output from a run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { codeBlocks, documents, REPO_ROOT } from './markdown-docs';

const run = promisify(execFile);
const EXAMPLES = [...new Set(documents().flatMap(codeBlocks).flatMap((block) => (block.example ? [join(dirname(block.doc), block.example)] : [])))];

/** A tsconfig that maps `@bedrock-flow/*` to the sources, so an example imports packages by name as a user would. */
function sourcesTsconfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bf-readme-'));
  const file = join(dir, 'tsconfig.json');
  writeFileSync(file, JSON.stringify({ compilerOptions: { baseUrl: REPO_ROOT, paths: { '@bedrock-flow/*': ['packages/*/src/index.ts'] } } }));
  return file;
}

describe('README example files', () => {
  const tsconfig = sourcesTsconfig();
  it('exist', () => expect(EXAMPLES.length).toBeGreaterThan(0));

  it.each(EXAMPLES)('%s runs against the emulator and prints what its // -> comments show', async (example) => {
    const expected = readFileSync(join(REPO_ROOT, example), 'utf8')
      .split('\n')
      .flatMap((line) => (/^\s*\/\/ -> /.test(line) ? [line.replace(/^\s*\/\/ -> /, '').trim()] : []));
    expect(expected.length).toBeGreaterThan(0);
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--tsconfig', tsconfig, example], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    const printed = stdout.split('\n').map((line) => line.trim());
    // In order: each expected line after the previous one.
    let from = 0;
    for (const line of expected) {
      const at = printed.indexOf(line, from);
      expect({ line, found: at >= 0 }).toEqual({ line, found: true });
      from = at + 1;
    }
  }, 90_000);
});
