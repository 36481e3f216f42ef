import { format } from 'node:util';

/** One captured log line. */
export interface CapturedLine {
  level: string;
  text: string;
}

/**
 * A console-compatible logger (for the pool and for component contexts) that keeps every line, formatted with
 * `util.format` over all arguments so structured fields are searched too.
 */
export class CaptureLogger {
  readonly lines: CapturedLine[] = [];
  readonly debug = (...args: unknown[]): void => this.#push('debug', args);
  readonly info = (...args: unknown[]): void => this.#push('info', args);
  readonly warn = (...args: unknown[]): void => this.#push('warn', args);
  readonly error = (...args: unknown[]): void => this.#push('error', args);

  /** All lines as one text. */
  text(): string {
    return this.lines.map((line) => `${line.level}: ${line.text}`).join('\n');
  }

  #push(level: string, args: unknown[]): void {
    this.lines.push({ level, text: format(...args) });
  }
}
