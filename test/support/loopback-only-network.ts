/**
 * Whether this process runs in a network namespace with no route off the machine, and the guard every test host
 * launcher (n8n, Node-RED, Chromium, redis-server) calls before it starts one. `pnpm test` runs jest through
 * `scripts/in-offline-namespace.sh`, so the driver, the emulator and the hosts share one loopback-only namespace.
 */
import { readFileSync } from 'node:fs';

/** The opt-out: `BEDROCK_FLOW_ALLOW_HOST_NETWORK=1` lets hosts start on the machine's network (said in the output). */
export const ALLOW_HOST_NETWORK_ENV = 'BEDROCK_FLOW_ALLOW_HOST_NETWORK';

/** How to run a host test file in the namespace (what the guard's error tells the reader to do). */
export const OFFLINE_RUN_HINT = 'scripts/in-offline-namespace.sh node node_modules/jest/bin/jest.js <test file> (as root; `pnpm test` does it)';

/**
 * The interface names in a `/proc/<pid>/net/dev` text: every interface of that process's network namespace, with or
 * without an address (`os.networkInterfaces()` lists only interfaces that have one, so it could miss a route).
 */
export function interfacesOf(procNetDev: string): string[] {
  return procNetDev
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]!.trim())
    .filter(Boolean);
}

/** This process's network interfaces, or `null` where `/proc/self/net/dev` does not exist (not Linux). */
export function currentInterfaces(): string[] | null {
  try {
    return interfacesOf(readFileSync('/proc/self/net/dev', 'utf8'));
  } catch {
    return null;
  }
}

/** Whether the only interface is `lo`: no route leaves the machine. */
export function isLoopbackOnly(interfaces: readonly string[] | null = currentInterfaces()): boolean {
  return interfaces !== null && interfaces.length === 1 && interfaces[0] === 'lo';
}

/** A test host was about to start with a route off the machine, and nobody opted out. */
export class HostNetworkNotIsolatedError extends Error {
  readonly code = 'HOST_NETWORK_NOT_ISOLATED';
  /** The setting that opts out. */
  readonly field = ALLOW_HOST_NETWORK_ENV;
  constructor(host: string, interfaces: readonly string[] | null) {
    const seen = interfaces === null ? 'no /proc/self/net/dev (network namespaces are Linux-only)' : `interfaces ${interfaces.join(', ')}`;
    super(
      `${host} must start in a loopback-only network namespace so nothing it does leaves the machine, but this process has ${seen}. ` +
        `Run: ${OFFLINE_RUN_HINT}; or set ${ALLOW_HOST_NETWORK_ENV}=1 to start it on this machine's network explicitly.`,
    );
    this.name = 'HostNetworkNotIsolatedError';
  }
}

const warned = new Set<string>();

/**
 * Throws {@link HostNetworkNotIsolatedError} unless this process (and so every child it starts) is in a loopback-only
 * network namespace. With `BEDROCK_FLOW_ALLOW_HOST_NETWORK=1` it warns once per host instead and returns.
 */
export function requireLoopbackOnlyNetwork(host: string, interfaces: readonly string[] | null = currentInterfaces(), env: NodeJS.ProcessEnv = process.env): void {
  if (isLoopbackOnly(interfaces)) return;
  if (env[ALLOW_HOST_NETWORK_ENV] === '1') {
    if (!warned.has(host)) {
      warned.add(host);
      console.warn(`\n*** WARNING: ${ALLOW_HOST_NETWORK_ENV}=1: ${host} starts on this machine's network, NOT in a loopback-only namespace. ***\n`);
    }
    return;
  }
  throw new HostNetworkNotIsolatedError(host, interfaces);
}
