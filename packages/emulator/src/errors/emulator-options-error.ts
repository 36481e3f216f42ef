/** A bad option value passed to `startEmulator` / `startLatencyProxy`, raised before anything listens. */
export class EmulatorOptionsError extends Error {
  /** Always `EMULATOR_INVALID_OPTION`. */
  readonly code = 'EMULATOR_INVALID_OPTION';
  constructor(
    /** The option concerned, e.g. `rttMs`. */
    readonly field: string,
    /** What was wrong and what is allowed. */
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'EmulatorOptionsError';
  }
}
