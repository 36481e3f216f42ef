import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicPackage } from './public-packages';
import { hasEntryPoint, hasTypes } from './public-packages';

/** A JavaScript identifier for a package name (`@bedrock-flow/bedrock-pool` -> `pkg_bedrock_flow_bedrock_pool`). */
function identifier(name: string): string {
  return `pkg_${name.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '')}`;
}

/**
 * Writes an empty npm project (no workspace, no pnpm) that consumes the tarballs: load checks for ESM and
 * CommonJS, TypeScript entry files importing every typed package both ways, tsconfigs for module
 * `node16` and `bundler`, and the smoke run.
 */
export function writeConsumerProject(dir: string, packages: readonly PublicPackage[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pack-install-consumer', version: '0.0.0', private: true }, null, 2));

  const entries = packages.filter((p) => hasEntryPoint(p.manifest)).map((p) => p.manifest.name);
  const nodeRedFiles = Object.fromEntries(
    packages.filter((p) => p.manifest['node-red']?.nodes).map((p) => [p.manifest.name, Object.values(p.manifest['node-red']!.nodes!)]),
  );
  writeFileSync(
    join(dir, 'check-esm.mjs'),
    [
      `const result = {};`,
      `for (const name of ${JSON.stringify(entries)}) result[name] = Object.keys(await import(name)).filter((k) => k !== 'default').sort();`,
      `console.log(JSON.stringify(result));`,
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'check-cjs.cjs'),
    [
      `const result = {};`,
      `for (const name of ${JSON.stringify(entries)}) result[name] = Object.keys(require(name)).filter((k) => k !== 'default').sort();`,
      `// Node-RED loads each node file with require(); loading one loads its libraries and their dependencies.`,
      `for (const [name, files] of Object.entries(${JSON.stringify(nodeRedFiles)})) {`,
      `  for (const file of files) result[name + '/' + file] = typeof require(name + '/' + file);`,
      `}`,
      `console.log(JSON.stringify(result));`,
    ].join('\n'),
  );

  const typed = packages.filter((p) => hasEntryPoint(p.manifest) && hasTypes(p.manifest)).map((p) => p.manifest.name);
  writeFileSync(
    join(dir, 'all-types.mts'),
    [...typed.map((name) => `import * as ${identifier(name)} from '${name}';`), `export const modules = [${typed.map(identifier).join(', ')}];`].join('\n'),
  );
  writeFileSync(
    join(dir, 'all-types.cts'),
    [...typed.map((name) => `import ${identifier(name)} = require('${name}');`), `export const modules = [${typed.map(identifier).join(', ')}];`].join('\n'),
  );
  copyFileSync(join(__dirname, 'fixtures', 'smoke.mts'), join(dir, 'smoke.mts'));

  const strict = { target: 'ES2022', lib: ['ES2023'], strict: true, skipLibCheck: false, types: ['node'], esModuleInterop: true };
  writeFileSync(
    join(dir, 'tsconfig.node16.json'),
    JSON.stringify({ compilerOptions: { ...strict, module: 'node16', moduleResolution: 'node16', outDir: 'out' }, files: ['smoke.mts', 'all-types.mts', 'all-types.cts'] }, null, 2),
  );
  writeFileSync(
    join(dir, 'tsconfig.bundler.json'),
    JSON.stringify({ compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler', noEmit: true, skipLibCheck: true }, files: ['smoke.mts', 'all-types.mts'] }, null, 2),
  );
}
