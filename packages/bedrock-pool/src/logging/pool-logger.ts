/** Logger the pool writes to; console-compatible. Lines carry slot ids and fingerprints, never secrets. Default: silent. */
export interface PoolLogger {
  debug?(message: string, ...meta: unknown[]): void;
  info?(message: string, ...meta: unknown[]): void;
  warn?(message: string, ...meta: unknown[]): void;
  error?(message: string, ...meta: unknown[]): void;
}
