import { ModelValidationError } from '../errors/model-validation-error';
import { ai21Adapter } from './ai21';
import { anthropicAdapter } from './anthropic';
import { cohereAdapter } from './cohere';
import { deepSeekAdapter } from './deepseek';
import { metaLlamaAdapter } from './meta-llama';
import { mistralAdapter } from './mistral';
import { resolveModelIdentity, type ModelIdentity } from './model-family';
import { novaAdapter } from './nova';
import { openAiGptOssAdapter } from './openai-gpt-oss';
import type { ProviderAdapter } from './provider-adapter';
import { qwenAdapter } from './qwen';
import { titanTextAdapter } from './titan-text';

/** The adapters shipped with the package, in match order. A new family = one adapter file + one entry here. */
export const BUILT_IN_ADAPTERS: readonly ProviderAdapter[] = [
  anthropicAdapter,
  titanTextAdapter,
  novaAdapter,
  metaLlamaAdapter,
  mistralAdapter,
  cohereAdapter,
  ai21Adapter,
  deepSeekAdapter,
  openAiGptOssAdapter,
  qwenAdapter,
];

/** Where a model id the InvokeModel families do not cover can still run: Converse accepts any model id. */
export const CONVERSE_SUGGESTION =
  'Use the AmazonBedrockConverseModel component (ChatBedrockConverse), which accepts any Bedrock model id.';

/** A model id resolved to its adapter. */
export interface ResolvedModel extends ModelIdentity {
  adapter: ProviderAdapter;
}

/** Chooses the provider adapter for a model id from its underlying family. */
export class ProviderRegistry {
  private readonly adapters: ProviderAdapter[];

  /** @param adapters Adapters to choose from, first match wins. Default {@link BUILT_IN_ADAPTERS}. */
  constructor(adapters: readonly ProviderAdapter[] = BUILT_IN_ADAPTERS) {
    this.adapters = [...adapters];
  }

  /** Add an adapter; it is tried before the ones already registered (so it can override a built-in). */
  register(adapter: ProviderAdapter): this {
    this.adapters.unshift(adapter);
    return this;
  }

  /** Family ids served, in match order. */
  families(): string[] {
    return this.adapters.map((a) => a.family);
  }

  /**
   * The adapter for `modelId` (cross-region prefixes and ARNs are stripped first). `family` forces an adapter
   * by family id, for ids that hide their model (application inference profiles, custom models).
   * @throws ModelValidationError `ERR_MODEL_UNKNOWN_FAMILY` (field `model`) or `ERR_MODEL_UNKNOWN_PROVIDER_FAMILY` (field `provider`).
   */
  resolve(modelId: string, family?: string): ResolvedModel {
    const identity = resolveModelIdentity(modelId);
    if (family !== undefined) {
      const forced = this.adapters.find((a) => a.family === family);
      if (!forced)
        throw new ModelValidationError(
          'ERR_MODEL_UNKNOWN_PROVIDER_FAMILY',
          'provider',
          `Unknown provider family "${family}". Supported families: ${this.families().join(', ')}.`,
        );
      return { ...identity, adapter: forced };
    }
    const adapter = this.adapters.find((a) => a.matches(identity.baseModelId));
    if (!adapter) {
      const list = this.adapters.map((a) => `${a.family} (${a.description})`).join('; ');
      throw new ModelValidationError(
        'ERR_MODEL_UNKNOWN_FAMILY',
        'model',
        `Model id "${modelId}" is not of a supported InvokeModel family. Supported families: ${list}. ` +
          `${CONVERSE_SUGGESTION} ` +
          'For an application inference profile or custom model ARN, set the provider family explicitly.',
      );
    }
    return { ...identity, adapter };
  }
}

/** The registry with the built-in adapters, used when none is given. */
export const defaultProviderRegistry = new ProviderRegistry();
