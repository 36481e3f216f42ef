/** A wait on the emulator's state (e.g. `waitForOpenConnections`) that did not complete in time. */
export class EmulatorWaitTimeoutError extends Error {
  /** Always `ERR_EMULATOR_WAIT_TIMEOUT`. */
  readonly code = 'ERR_EMULATOR_WAIT_TIMEOUT';
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorWaitTimeoutError';
  }
}
