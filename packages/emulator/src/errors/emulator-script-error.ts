import type { EmulatorOptionIssue } from './emulator-options-error';

/**
 * A reply-script file (`bedrock-emulator --script file.json`, {@link loadReplyScriptFile}) that could not
 * be read or does not match the documented schema. Names every bad entry, before the emulator starts.
 */
export class EmulatorScriptError extends Error {
  /** Always `ERR_EMULATOR_INVALID_SCRIPT`. */
  readonly code = 'ERR_EMULATOR_INVALID_SCRIPT';
  /** The first bad place, as a JSON path such as `scripts[2].reply.stopReason` (`$` for the whole file). */
  readonly field: string;

  constructor(
    /** The file concerned (or `<inline>` for parsed values). */
    readonly file: string,
    /** Every problem found, each with its JSON path and what is allowed. */
    readonly issues: readonly EmulatorOptionIssue[],
  ) {
    super(`${file}: invalid reply script: ${issues.map((i) => `${i.field}: ${i.problem}`).join('; ')}`);
    this.name = 'EmulatorScriptError';
    this.field = issues[0]?.field ?? '$';
  }
}
