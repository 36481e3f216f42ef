const REDACTED = '[REDACTED]';

/**
 * Where a secret's value came from; safe to show (a variable name is not a secret): typed into the node (`value`), a
 * host variable or the environment (`variable`), or stored by the host for every flow editor to use (`host`, e.g. a
 * Node-RED config node's credential store, `name` says which). Only `value` counts as the node's own credential.
 */
export type SecretOrigin = { kind: 'value' } | { kind: 'variable'; name: string } | { kind: 'host'; name: string };

/**
 * A resolved secret value that redacts itself wherever it could be shown: `String()`, template literals,
 * `JSON.stringify` and `util.inspect` all print `[REDACTED]`. Read the value with {@link Secret.reveal} only where
 * it is handed to the AWS SDK.
 */
export class Secret {
  readonly #value: string;
  /** Where the value came from (a typed value or a named variable). */
  readonly origin: SecretOrigin;

  constructor(value: string, origin: SecretOrigin = { kind: 'value' }) {
    this.#value = value;
    this.origin = origin;
  }

  /** The raw value. Never log it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.origin.kind === 'value' ? `Secret(${REDACTED})` : `Secret(${REDACTED} from ${this.origin.name})`;
  }
}

/** Text shown instead of a secret value. */
export const REDACTED_TEXT = REDACTED;
