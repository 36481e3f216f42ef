/** A wait on the emulator's state (e.g. `waitForOpenConnections`) that did not complete in time. */
export class EmulatorWaitTimeoutError extends Error {
  /** Always `EMULATOR_WAIT_TIMEOUT`. */
  readonly code = 'EMULATOR_WAIT_TIMEOUT';
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorWaitTimeoutError';
  }
}
