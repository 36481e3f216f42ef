import { inspect } from 'node:util';
import { causeChain } from './aws-error-facts';

/** A place where a secret was found. */
export interface SecretHit {
  place: string;
  secret: string;
  excerpt: string;
}

/**
 * Searches everything a scenario produced for secret values. Each `scan` is one place searched (counted); objects are
 * searched as `util.inspect` (depth Infinity, hidden properties too) and as `JSON.stringify`, errors with their stack and
 * every `cause`.
 */
export class SecretScanner {
  readonly hits: SecretHit[] = [];
  /** Hits found only with `showHidden` (non-enumerable properties such as the SDK's `$response`), kept apart. */
  readonly hiddenHits: SecretHit[] = [];
  places = 0;
  #secrets: readonly string[];

  constructor(secrets: readonly string[]) {
    this.#secrets = secrets;
  }

  /** Searches one text. */
  scanText(place: string, text: string, into: SecretHit[] = this.hits): void {
    this.places += 1;
    for (const secret of this.#secrets) {
      const at = text.indexOf(secret);
      if (at >= 0) into.push({ place, secret: `${secret.slice(0, 16)}…`, excerpt: text.slice(Math.max(0, at - 80), at + 20) });
    }
  }

  /** Searches `util.inspect` (depth Infinity) and `JSON.stringify` of `value`; `showHidden` inspection goes to {@link hiddenHits}. */
  scanObject(place: string, value: unknown): void {
    this.scanText(`${place} util.inspect`, inspect(value, { depth: Infinity, breakLength: Infinity, maxArrayLength: Infinity, maxStringLength: Infinity }));
    this.scanText(`${place} JSON.stringify`, safeStringify(value));
    this.scanText(`${place} util.inspect(showHidden)`, inspect(value, { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity }), this.hiddenHits);
  }

  /** Searches an error: message, stack, inspect, JSON, and the same for every `cause` below it. */
  scanError(place: string, error: unknown): void {
    causeChain(error).forEach((link, depth) => {
      const label = `${place} cause[${depth}]`;
      const e = link as { message?: unknown; stack?: unknown };
      this.scanText(`${label} message`, String(e.message ?? link));
      this.scanText(`${label} stack`, String(e.stack ?? ''));
      this.scanText(`${label} String()`, String(link));
      this.scanObject(label, link);
    });
  }
}

/** `JSON.stringify` that survives cycles and BigInts (the parts it cannot show are marked). */
export function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return `${v}n`;
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[Circular]';
          seen.add(v);
        }
        return v;
      }) ?? 'undefined'
    );
  } catch (error) {
    return `[unstringifiable: ${(error as Error).message}]`;
  }
}
