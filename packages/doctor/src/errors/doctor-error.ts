import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/** Kinds of doctor failures. */
export type DoctorErrorCode = 'ERR_DOCTOR_USAGE' | 'ERR_DOCTOR_INVALID_OPTION' | 'ERR_DOCTOR_CA_UNREADABLE';

/**
 * A problem with how the doctor was called, found before any network access: `code`, the flag
 * (`option`, also `field`) it concerns, and a message saying what is allowed.
 */
export class DoctorError extends BedrockFlowError {
  declare readonly code: DoctorErrorCode;
  /** The flag concerned, e.g. `--region`. */
  readonly option: string | undefined;

  constructor(code: DoctorErrorCode, message: string, option?: string, options?: { cause?: unknown }) {
    super(code, message, { field: option, cause: options?.cause });
    this.option = option;
  }
}
