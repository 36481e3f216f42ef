/**
 * One jest run for the whole workspace. Tests import sibling packages from their TypeScript
 * sources (no build needed), transformed by SWC; `pnpm test` type-checks and builds separately.
 * @type {import('jest').Config}
 */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
/**
 * Test files that need the npm registry (they install packed tarballs with npm) and start no third-party host.
 * `scripts/jest-offline.sh` runs them on the machine's network (BEDROCK_FLOW_TEST_NETWORK=registry) and every other
 * file in a loopback-only network namespace (BEDROCK_FLOW_TEST_NETWORK=offline); unset, jest runs them all.
 */
const REGISTRY_TESTS = ['<rootDir>/test/packaging/'];
const network = process.env.BEDROCK_FLOW_TEST_NETWORK;
if (network !== undefined && network !== 'registry' && network !== 'offline') {
  throw new Error(`BEDROCK_FLOW_TEST_NETWORK must be "registry" or "offline" (or unset for every test), got ${JSON.stringify(network)}`);
}
module.exports = {
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/jest.setup.cjs'],
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/bench', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^@bedrock-flow/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(network === 'offline' ? REGISTRY_TESTS : [])],
  ...(network === 'registry' ? { roots: ['<rootDir>/test/packaging'] } : {}),
  testTimeout: 30_000,
  maxWorkers: 2,
};
