import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a package.json the packaging test reads. */
export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  types?: string;
  exports?: unknown;
  bin?: string | Record<string, string>;
  files?: string[];
  'node-red'?: { nodes?: Record<string, string> };
  bedrockFlow?: { packInstallTest?: boolean; packInstallTestReason?: string };
  [field: string]: unknown;
}

/** A workspace package that is published (not `private`). */
export interface PublicPackage {
  dir: string;
  manifest: PackageManifest;
  /**
   * Why the install test leaves it out, when its package.json says `"bedrockFlow": { "packInstallTest": false }`
   * (only for packages that cannot be installed without their host).
   */
  skipReason?: string;
}

/** Every public package under `packages/`, found on disk (a new package is tested without editing the test). */
export function findPublicPackages(root: string): PublicPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest }))
    .filter(({ manifest }) => manifest.private !== true)
    .map((pkg) =>
      pkg.manifest.bedrockFlow?.packInstallTest === false
        ? { ...pkg, skipReason: pkg.manifest.bedrockFlow.packInstallTestReason ?? 'marked "bedrockFlow": { "packInstallTest": false }' }
        : pkg,
    )
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Whether a package has a JavaScript entry point (`exports` or `main`) that `import` / `require` can load. */
export function hasEntryPoint(manifest: PackageManifest): boolean {
  return manifest.exports !== undefined || manifest.main !== undefined;
}

/** Whether a package ships TypeScript types for its entry point. */
export function hasTypes(manifest: PackageManifest): boolean {
  return manifest.types !== undefined || JSON.stringify(manifest.exports ?? {}).includes('"types"');
}
