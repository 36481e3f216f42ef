/** One bad option: where it is and what was wrong (with what is allowed). */
export interface EmulatorOptionIssue {
  /** The option concerned, e.g. `rttMs`, `credentials[1].secretAccessKey`, `faults.throttle.rate`, `--port`. */
  field: string;
  /** What was wrong and what is allowed. */
  problem: string;
}

/**
 * Bad options passed to `startEmulator` / `setFaults` / `startLatencyProxy` or the CLI, raised before
 * anything listens (or before the faults change). One error names every bad field.
 */
export class EmulatorOptionsError extends Error {
  /** Always `ERR_EMULATOR_INVALID_OPTION`. */
  readonly code = 'ERR_EMULATOR_INVALID_OPTION';
  /** Every bad option found, in the order checked; the first is {@link field}. */
  readonly issues: readonly EmulatorOptionIssue[];

  constructor(
    /** The (first) option concerned, e.g. `rttMs`. */
    readonly field: string,
    /** What was wrong and what is allowed. */
    message: string,
    /** Further bad options beyond the first, when several were found at once. */
    moreIssues: readonly EmulatorOptionIssue[] = [],
  ) {
    const issues = [{ field, problem: message }, ...moreIssues];
    super(issues.map((i) => `${i.field}: ${i.problem}`).join('; '));
    this.name = 'EmulatorOptionsError';
    this.issues = issues;
  }

  /** One error for a non-empty list of issues (the first becomes `field`). */
  static fromIssues(issues: readonly EmulatorOptionIssue[]): EmulatorOptionsError {
    const [first, ...rest] = issues;
    if (!first) throw new TypeError('EmulatorOptionsError.fromIssues needs at least one issue');
    return new EmulatorOptionsError(first.field, first.problem, rest);
  }
}
