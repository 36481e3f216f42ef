/** Kinds of doctor failures. */
export type DoctorErrorCode = 'ERR_DOCTOR_USAGE' | 'ERR_DOCTOR_INVALID_OPTION' | 'ERR_DOCTOR_CA_UNREADABLE';

/**
 * A problem with how the doctor was called, found before any network access: `code`, the flag
 * (`option`) it concerns, and a message saying what is allowed.
 */
export class DoctorError extends Error {
  override readonly name = 'DoctorError';
  /** Machine-readable kind. */
  readonly code: DoctorErrorCode;
  /** The flag concerned, e.g. `--region`. */
  readonly option: string | undefined;

  constructor(code: DoctorErrorCode, message: string, option?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.option = option;
  }
}
