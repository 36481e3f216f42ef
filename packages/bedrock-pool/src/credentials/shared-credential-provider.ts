import { CredentialResolutionError } from '../errors/credential-resolution-error';
import type { PoolLogger } from '../logging/pool-logger';
import type { SourceIdentity, SourceProvider } from './create-source-provider';

/** Counters of one shared credential provider. */
export interface CredentialProviderStats {
  /** Safe label of the source. */
  source: string;
  /** Calls to the underlying source that succeeded (process spawns, SSO reads, IMDS probes…). */
  resolutions: number;
  /** Resolutions a request had to wait for (no valid credentials cached); 0 once warmed and refreshing. */
  resolutionsOnRequestPath: number;
  /** Resolutions started by the refresh timer before expiry. */
  backgroundRefreshes: number;
  /** Failed resolutions. */
  failures: number;
  /** Slots using this provider. */
  slots: number;
}

/** Events a provider reports to the pool's metrics. */
export type CredentialEvent = 'resolution' | 'resolutionOnRequestPath' | 'backgroundRefresh' | 'failure';

/** Options of {@link SharedCredentialProvider}. */
export interface SharedCredentialProviderOptions {
  /** Refresh this long before expiry (capped at half the lifetime). Default 5 min. */
  refreshBeforeExpiryMs?: number;
  onEvent?: (event: CredentialEvent) => void;
  logger?: PoolLogger;
}

interface CachedIdentity {
  identity: SourceIdentity;
  /** After this, a request must not use the identity. */
  usableUntil: number;
}

// Never refresh more often than this, so a source that returns the same expiry cannot spin.
const MIN_REFRESH_INTERVAL_MS = 1_000;

/**
 * One memoized credential provider per credential source, shared by every slot using that source.
 * Credentials with an expiry are refreshed by an unref'd timer before they expire, so requests find
 * valid credentials cached; only a cold or lapsed cache makes a request wait (counted).
 */
export class SharedCredentialProvider {
  readonly label: string;
  readonly key: string;
  #source: SourceProvider;
  #options: SharedCredentialProviderOptions;
  #cached: CachedIdentity | undefined;
  #pending: Promise<SourceIdentity> | undefined;
  #refreshTimer: NodeJS.Timeout | undefined;
  #lastResolutionAt = 0;
  #slots = 0;
  #disposed = false;
  #stats = { resolutions: 0, resolutionsOnRequestPath: 0, backgroundRefreshes: 0, failures: 0 };

  /** Values no message may contain (`describeCredentialSource().hidden`); private, so `inspect` never shows them. */
  readonly #hidden: readonly string[];

  /** Whether a failure's SDK reason is withheld (`describeCredentialSource().withholdReason`). */
  readonly #withholdReason: boolean;

  constructor(key: string, label: string, source: SourceProvider, options: SharedCredentialProviderOptions = {}, hidden: readonly string[] = [], withholdReason = false) {
    this.key = key;
    this.label = label;
    this.#hidden = hidden;
    this.#withholdReason = withholdReason;
    this.#source = source;
    this.#options = options;
  }

  /** The identity provider handed to the SDK client: cached credentials, or a counted wait on a resolution. */
  readonly provide = (): Promise<SourceIdentity> => {
    const cached = this.#cached;
    if (cached && Date.now() < cached.usableUntil) return Promise.resolve(cached.identity);
    if (!this.#pending) this.#count('resolutionsOnRequestPath', 'resolutionOnRequestPath');
    return this.#resolve(false);
  };

  /** Whether cached credentials are usable now (then `warm()` has nothing to do). */
  get fresh(): boolean {
    const cached = this.#cached;
    return cached !== undefined && Date.now() < cached.usableUntil;
  }

  /** Resolves ahead of requests (warm-up): returns the cached identity or waits for one, never counted as on-path. */
  async warm(): Promise<void> {
    const cached = this.#cached;
    if (cached && Date.now() < cached.usableUntil) return;
    await this.#resolve(false);
  }

  /** A slot starts using this provider. */
  retain(): void {
    this.#slots += 1;
  }

  /** A slot stops using it; returns true when no slot is left (the caller then disposes it). */
  release(): boolean {
    this.#slots = Math.max(0, this.#slots - 1);
    return this.#slots === 0;
  }

  /** Stops the refresh timer and forgets the cached credentials. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = undefined;
    this.#cached = undefined;
  }

  /** Counters (plain JSON). */
  stats(): CredentialProviderStats {
    return { source: this.label, ...this.#stats, slots: this.#slots };
  }

  /** The counters; never the credentials. */
  toJSON(): CredentialProviderStats {
    return this.stats();
  }

  /** Label only, for `util.inspect`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SharedCredentialProvider(${this.label})`;
  }

  #resolve(background: boolean): Promise<SourceIdentity> {
    if (this.#pending) return this.#pending;
    const pending = this.#source(background ? { forceRefresh: true } : undefined).then(
      (identity) => {
        this.#pending = undefined;
        this.#count('resolutions', 'resolution');
        this.#lastResolutionAt = Date.now();
        this.#cache(identity);
        return identity;
      },
      (error: unknown) => {
        this.#pending = undefined;
        this.#count('failures', 'failure');
        const wrapped = new CredentialResolutionError(this.label, error, this.#hidden, { withholdReason: this.#withholdReason });
        this.#options.logger?.warn?.(wrapped.message);
        throw wrapped;
      },
    );
    this.#pending = pending;
    return pending;
  }

  #cache(identity: SourceIdentity): void {
    if (this.#disposed) return;
    const now = Date.now();
    const expiresAt = identity.expiration?.getTime();
    if (expiresAt === undefined) {
      this.#cached = { identity, usableUntil: Number.POSITIVE_INFINITY };
      return;
    }
    const lifetime = Math.max(0, expiresAt - now);
    // Stop handing out credentials shortly before they expire (5 s, or a quarter of a short lifetime).
    this.#cached = { identity, usableUntil: expiresAt - Math.min(5_000, lifetime / 4) };
    const lead = Math.min(this.#options.refreshBeforeExpiryMs ?? 5 * 60_000, lifetime / 2);
    this.#scheduleRefresh(lifetime - lead);
  }

  #scheduleRefresh(delayMs: number): void {
    clearTimeout(this.#refreshTimer);
    const earliest = this.#lastResolutionAt + MIN_REFRESH_INTERVAL_MS - Date.now();
    this.#refreshTimer = setTimeout(() => this.#refreshInBackground(), Math.max(delayMs, earliest, 0));
    this.#refreshTimer.unref();
  }

  #refreshInBackground(): void {
    this.#refreshTimer = undefined;
    if (this.#disposed) return;
    this.#count('backgroundRefreshes', 'backgroundRefresh');
    this.#resolve(true).catch(() => {
      // Keep serving the old credentials while they last; retry at half the remaining time.
      const remaining = (this.#cached?.usableUntil ?? 0) - Date.now();
      if (remaining > MIN_REFRESH_INTERVAL_MS && !this.#disposed) this.#scheduleRefresh(remaining / 2);
    });
  }

  #count(stat: 'resolutions' | 'resolutionsOnRequestPath' | 'backgroundRefreshes' | 'failures', event: CredentialEvent): void {
    this.#stats[stat] += 1;
    this.#options.onEvent?.(event);
  }
}
