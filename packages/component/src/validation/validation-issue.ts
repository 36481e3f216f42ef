/** One bad input: which field, what is wrong with the value, what is allowed, and what was received (never a secret). */
export interface ValidationIssue {
  /** Input name, e.g. `temperature`. */
  field: string;
  /** What is wrong, e.g. `Too big: expected number to be <=1`. */
  problem: string;
  /** What the field accepts, e.g. `a number from 0 to 1`. */
  allowed: string;
  /** A short rendering of the received value; omitted for secret inputs. */
  received?: string;
}
