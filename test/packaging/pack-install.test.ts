/**
 * Packs every public package the way a release does (`pnpm pack`, which turns `workspace:*` into real
 * versions), lints the tarballs (publint, attw), installs them with plain npm into an empty project outside
 * the workspace, and uses them from there: ESM import, CommonJS require, the bins, a TypeScript consumer
 * (module node16 and bundler) and a smoke run (pool + Converse component against the emulator over TLS).
 *
 * Needs the packages built (`pnpm test` builds first) and the npm registry for third-party dependencies
 * (npm's cache with --prefer-offline keeps reruns fast). BEDROCK_FLOW_SKIP_PACK_INSTALL=1 skips it, loudly.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeConsumerProject } from './consumer-project';
import { findPublicPackages, hasEntryPoint, hasTypes, type PackageManifest, type PublicPackage } from './public-packages';
import { runCommand, type CommandResult } from './run-command';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'node_modules', '.bin');
const SETUP_TIMEOUT_MS = 15 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;
const skip = process.env['BEDROCK_FLOW_SKIP_PACK_INSTALL'] === '1';
if (skip) {
  console.warn('WARNING: BEDROCK_FLOW_SKIP_PACK_INSTALL=1: the packed-tarball install test is SKIPPED; published packages are not verified.');
}

interface Packed extends PublicPackage {
  tarball: string;
  files: string[];
  packedManifest: PackageManifest;
}

/** What the linters said about one tarball (`attw` absent for a package without types). */
interface LintResult {
  name: string;
  publint: CommandResult;
  attw?: CommandResult;
}

/** publint (errors and warnings fail) and attw on each tarball, one after the other. */
async function lintTarballs(packed: readonly Packed[], cwd: string): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const { manifest, tarball } of packed) {
    const publint = await runCommand(join(BIN, 'publint'), ['run', tarball, '--strict'], { cwd, allowFailure: true });
    const attw = hasTypes(manifest)
      ? await runCommand(join(BIN, 'attw'), [tarball, '--format', 'ascii', '--no-color', '--no-emoji'], { cwd, allowFailure: true })
      : undefined;
    results.push({ name: manifest.name, publint, ...(attw ? { attw } : {}) });
  }
  return results;
}

const describeOrSkip = skip ? describe.skip : describe;

describeOrSkip('published packages, installed from their tarballs with plain npm', () => {
  const all = findPublicPackages(ROOT);
  const tested = all.filter((p) => !p.skipReason);
  let work = '';
  let consumer = '';
  const packed: Packed[] = [];
  // The linters are CPU-bound and the install mostly waits on the registry: they run side by side.
  let lints: Promise<LintResult[] | Error> = Promise.resolve(new Error('the tarballs were not packed'));

  beforeAll(async () => {
    for (const p of all.filter((x) => x.skipReason)) {
      console.warn(`WARNING: pack-install test leaves out ${p.manifest.name}: ${p.skipReason}`);
    }
    for (const { dir, manifest } of tested) {
      const entry = JSON.stringify(manifest.exports ?? manifest.main ?? '');
      if (entry.includes('./dist/') && !existsSync(join(dir, 'dist'))) {
        throw new Error(`${manifest.name} is not built (${dir}/dist is missing): run \`npx -y pnpm@10 build\` first (\`pnpm test\` does).`);
      }
    }
    work = mkdtempSync(join(tmpdir(), 'bedrock-flow-pack-'));
    const tarballs = join(work, 'tarballs');
    for (const pkg of tested) {
      const { stdout } = await runCommand('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', tarballs], { cwd: pkg.dir });
      const tarball = stdout.trim().split('\n').pop()!.trim();
      const files = (await runCommand('tar', ['-tzf', tarball], { cwd: work })).stdout.split('\n').filter(Boolean);
      const packedManifest = JSON.parse((await runCommand('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: work })).stdout) as PackageManifest;
      packed.push({ ...pkg, tarball, files, packedManifest });
    }
    console.log(
      `packed ${packed.length} packages:\n${packed.map((p) => `  ${p.manifest.name}@${p.manifest.version}  ${(statSync(p.tarball).size / 1024).toFixed(1)} kB, ${p.files.length} files`).join('\n')}`,
    );

    lints = lintTarballs(packed, work).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

    consumer = join(work, 'consumer');
    writeConsumerProject(consumer, tested);
    const typesNode = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string };
    await runCommand(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packed.map((p) => p.tarball), `@types/node@${typesNode.version}`],
      { cwd: consumer },
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('finds the public packages on disk', () => {
    expect(tested.length).toBeGreaterThanOrEqual(8);
    expect(tested.map((p) => p.manifest.name)).toEqual(expect.arrayContaining(['@bedrock-flow/bedrock-pool', '@bedrock-flow/converse', '@bedrock-flow/emulator', '@bedrock-flow/node-red']));
  });

  it('packs manifests with real versions, registry metadata, and only what users need', () => {
    const versions = new Map(all.map((p) => [p.manifest.name, p.manifest.version]));
    for (const { manifest, packedManifest, files } of packed) {
      const name = manifest.name;
      for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'] as const) {
        for (const [dep, range] of Object.entries((packedManifest[field] ?? {}) as Record<string, string>)) {
          expect(`${name} ${field} ${dep}@${range}`).not.toMatch(/workspace:/);
          if (versions.has(dep)) expect(`${name} ${field} ${dep}@${range}`).toBe(`${name} ${field} ${dep}@${versions.get(dep)}`);
          // A host that has another SDK version must be able to dedupe: ranges, not pins.
          if (field === 'dependencies' && /^@(aws-sdk|smithy)\//.test(dep)) expect(`${name} ${dep}@${range}`).toMatch(/@\^\d/);
        }
      }
      expect(packedManifest).toMatchObject({
        license: 'Apache-2.0',
        repository: { type: 'git', url: 'git+https://github.com/bedrock-flow/bedrock-flow.git', directory: expect.stringMatching(/^packages\//) },
        homepage: expect.stringMatching(/^https:\/\/github\.com\/bedrock-flow\/bedrock-flow\//),
        bugs: { url: 'https://github.com/bedrock-flow/bedrock-flow/issues' },
        // Each package states the Node versions it supports (>=20 for the libraries; a host package may need more).
        engines: { node: expect.stringMatching(/^>=\d+/) },
      });
      expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE']));
      expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
      const stray = files.filter((f) => /\/(test|tests|__tests__|src)\/|\.test\.|\.tsbuildinfo$|tsconfig\.json$|\/\.turbo\//.test(f));
      expect(`${name}: ${stray.join(', ')}`).toBe(`${name}: `);
    }
  });

  it('ships source maps only with their sources embedded, and READMEs that work on a registry page', async () => {
    for (const { manifest, tarball, files } of packed) {
      for (const map of files.filter((f) => f.endsWith('.map'))) {
        const parsed = JSON.parse((await runCommand('tar', ['-xzOf', tarball, map], { cwd: work })).stdout) as { sources: string[]; sourcesContent?: (string | null)[] };
        const missing = parsed.sources.filter((_s, i) => typeof parsed.sourcesContent?.[i] !== 'string');
        expect(`${manifest.name} ${map}: ${missing.join(', ')}`).toBe(`${manifest.name} ${map}: `);
      }
      const readme = (await runCommand('tar', ['-xzOf', tarball, 'package/README.md'], { cwd: work })).stdout;
      // Relative links and images break on npmjs.com: only absolute URLs and in-page anchors.
      const relative = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)[^)]*\)|\bsrc="([^"]+)"/g)]
        .map((m) => m[1] ?? m[2] ?? '')
        .filter((target) => !/^(https?:|mailto:|#)/.test(target));
      expect(`${manifest.name}: ${relative.join(', ')}`).toBe(`${manifest.name}: `);
    }
  });

  it('passes publint (errors and warnings) and attw for every typed entry point', async () => {
    const results = await lints;
    if (results instanceof Error) throw results;
    expect(results.map((r) => r.name)).toEqual(packed.map((p) => p.manifest.name));
    for (const { name, publint, attw } of results) {
      expect(`${name} publint exit ${publint.code}\n${publint.stdout}${publint.stderr}`).toMatch(/^\S+ publint exit 0\n/);
      if (!attw) {
        console.log(`attw: ${name} ships no types (no typed entry point, e.g. a Node-RED plugin); not checked`);
        continue;
      }
      expect(`${name} attw exit ${attw.code}\n${attw.stdout}${attw.stderr}`).toMatch(/^\S+ attw exit 0\n[\s\S]*No problems found/);
    }
  }, STEP_TIMEOUT_MS);

  it('imports (ESM) and requires (CommonJS) every package to the same exports; Node-RED loads its node files', async () => {
    const esm = JSON.parse((await runCommand('node', ['check-esm.mjs'], { cwd: consumer })).stdout) as Record<string, string[]>;
    const cjs = JSON.parse((await runCommand('node', ['check-cjs.cjs'], { cwd: consumer })).stdout) as Record<string, string[] | string>;
    for (const { manifest } of packed.filter((p) => hasEntryPoint(p.manifest))) {
      expect(esm[manifest.name]?.length).toBeGreaterThan(0);
      expect([manifest.name, cjs[manifest.name]]).toEqual([manifest.name, esm[manifest.name]]);
    }
    for (const { manifest } of packed.filter((p) => p.manifest['node-red'])) {
      for (const file of Object.values(manifest['node-red']!.nodes!)) expect([file, cjs[`${manifest.name}/${file}`]]).toEqual([file, 'function']);
    }
  }, STEP_TIMEOUT_MS);

  it('links every bin and runs its --help', async () => {
    const bins = packed.flatMap(({ manifest }) => Object.keys(typeof manifest.bin === 'string' ? { [manifest.name.split('/').pop()!]: manifest.bin } : (manifest.bin ?? {})));
    expect(bins).toEqual(expect.arrayContaining(['bedrock-emulator']));
    for (const bin of bins) {
      const { stdout, stderr } = await runCommand(join(consumer, 'node_modules', '.bin', bin), ['--help'], { cwd: consumer });
      expect(`${bin}: ${stdout}${stderr}`).toMatch(new RegExp(`^${bin}: [\\s\\S]*[Uu]sage`));
    }
  }, STEP_TIMEOUT_MS);

  it('type-checks a TypeScript consumer against the installed types (module node16 and bundler)', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
      const result = await runCommand('node', [tsc, '-p', config, '--pretty', 'false'], { cwd: consumer, allowFailure: true });
      const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
      // node16 checks every .d.ts (skipLibCheck off), so a declaration of ours that imports a package users do
      // not get fails here. Errors inside third-party declarations are theirs: shown, not failed on.
      const theirs = errors.filter((line) => line.startsWith('node_modules/') && !line.startsWith('node_modules/@bedrock-flow/'));
      if (theirs.length > 0) console.warn(`${config}: ${theirs.length} error(s) inside third-party declarations (not ours):\n${theirs.join('\n')}`);
      const ours = errors.filter((line) => !theirs.includes(line));
      expect(`${config}: ${ours.join('\n')}`).toBe(`${config}: `);
      if (errors.length === 0) expect(`${config}: exit ${result.code}`).toBe(`${config}: exit 0`);
    }
    expect(existsSync(join(consumer, 'out', 'smoke.mjs'))).toBe(true);
    const core = JSON.parse(readFileSync(join(consumer, 'node_modules', '@langchain', 'core', 'package.json'), 'utf8')) as { version: string };
    console.log(`consumer resolved the @langchain/core peer to ${core.version}`);
  }, STEP_TIMEOUT_MS);

  it('runs the compiled consumer: pool + Converse component against the emulator over TLS, from the installed packages', async () => {
    const { stdout } = await runCommand('node', [join('out', 'smoke.mjs')], { cwd: consumer, env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({
      first: 'Echo: Hello from the tarballs',
      second: 'Echo: And through LangChain',
      requests: { Converse: 2 },
      connections: 1,
      tlsHandshakes: 1,
      palette: 1,
    });
    // It ran on the installed copies, not the workspace's.
    const resolved = (await runCommand('node', ['-e', "console.log(require.resolve('@bedrock-flow/converse'))"], { cwd: consumer })).stdout.trim();
    expect(resolved.startsWith(join(consumer, 'node_modules'))).toBe(true);
  }, STEP_TIMEOUT_MS);
});
