import type { CredentialSource } from '../config/client-config';
import type { PoolLogger } from '../logging/pool-logger';
import { createSourceProvider } from './create-source-provider';
import { describeCredentialSource } from './credential-source';
import { SharedCredentialProvider, type CredentialEvent, type CredentialProviderStats } from './shared-credential-provider';

/** Options of {@link CredentialRegistry}. */
export interface CredentialRegistryOptions {
  /** Refresh credentials this long before expiry. Default 5 min. */
  refreshBeforeExpiryMs?: number;
  /** Receives every credential event, for the pool's metrics. */
  onEvent: (event: CredentialEvent) => void;
  logger?: PoolLogger;
}

/** The pool's shared credential providers, one per credential source, reference-counted by slots. */
export class CredentialRegistry {
  #providers = new Map<string, SharedCredentialProvider>();
  #options: CredentialRegistryOptions;

  constructor(options: CredentialRegistryOptions) {
    this.#options = options;
  }

  /** The provider for `source` (created on first use), retained for one slot. */
  retain(source: CredentialSource): SharedCredentialProvider {
    const { key, label, hidden, withholdReason } = describeCredentialSource(source);
    let provider = this.#providers.get(key);
    if (!provider) {
      provider = new SharedCredentialProvider(key, label, createSourceProvider(source), this.#options, hidden, withholdReason);
      this.#providers.set(key, provider);
    }
    provider.retain();
    return provider;
  }

  /** A slot stops using `provider`; the last one disposes it. */
  release(provider: SharedCredentialProvider): void {
    if (provider.release()) {
      provider.dispose();
      this.#providers.delete(provider.key);
    }
  }

  /** Stats of every live provider. */
  stats(): CredentialProviderStats[] {
    return [...this.#providers.values()].map((provider) => provider.stats());
  }

  /** Disposes every provider. */
  dispose(): void {
    for (const provider of this.#providers.values()) provider.dispose();
    this.#providers.clear();
  }
}
