import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';

/**
 * A credential provider that counts how often the SDK calls it. The SDK memoizes a provider per client, so the
 * count is the number of resolutions a real source (credential_process, SSO, IMDS) would have performed.
 */
export class CountingCredentials {
  /** Calls so far. */
  resolutions = 0;

  /** The provider to hand the SDK client as `credentials`. */

  readonly provide = async (): Promise<{ accessKeyId: string; secretAccessKey: string }> => {
    this.resolutions += 1;
    // A fresh object each time: the SDK tags credential objects it is given.
    return { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey };
  };
}
