import type { EmulatorCredentials } from './types';

/**
 * The key pair every emulator accepts by default (`credentials` option default): access key id
 * `AKIAEMULATOR00000001` and a fixed secret, so tests and demos can sign requests without an AWS
 * account. Never valid against AWS. A plain object on purpose: the SDK tags credential objects it
 * is given (`$source`), which throws on a frozen one. Do not mutate it.
 */
export const TEST_CREDENTIALS: EmulatorCredentials = {
  accessKeyId: 'AKIAEMULATOR00000001',
  secretAccessKey: 'emulatorSecretKey/NotForAws/0000000000001',
};
