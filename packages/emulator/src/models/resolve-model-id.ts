import type { ModelFamily } from './model-family';

/** Cross-region inference profile prefixes Bedrock puts before a foundation model id: a copy of component's `GEO_PREFIXES` (the emulator depends on no library package; `test/emulator-agreement/model-id-parsers-agree.test.ts` fails when they differ). */
export const CROSS_REGION_PREFIXES = ['us-gov', 'us', 'eu', 'apac', 'jp', 'au', 'global', 'sa', 'amer', 'ca'] as const;

const ARN = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile|system-defined-inference-profile|application-inference-profile|provisioned-model|custom-model)\/(.+)$/;

/** Strips an ARN and a cross-region prefix: `arn:…:inference-profile/us.anthropic.x` -> `anthropic.x`. */
export function baseModelId(modelId: string): string {
  let id = ARN.exec(modelId)?.[1] ?? modelId;
  const dot = id.indexOf('.');
  if (dot > 0 && (CROSS_REGION_PREFIXES as readonly string[]).includes(id.slice(0, dot))) id = id.slice(dot + 1);
  return id;
}

const FAMILY_RULES: ReadonlyArray<[RegExp, ModelFamily]> = [
  // Embedding families whose ids a broader chat rule (`amazon.nova-…`, `cohere.embed`) would otherwise take.
  [/^cohere\.embed-v4/, 'cohere-embed-v4'],
  [/^amazon\.titan-embed-image-v1/, 'amazon-titan-embed-image'],
  [/^amazon\.nova-2-multimodal-embeddings/, 'amazon-nova-embed'],
  [/^anthropic\.claude/, 'anthropic'],
  [/^amazon\.titan-embed-text-v1/, 'amazon-titan-embed-v1'],
  [/^amazon\.titan-embed-g1-text/, 'amazon-titan-embed-v1'],
  [/^amazon\.titan-embed-text-v2/, 'amazon-titan-embed-v2'],
  [/^amazon\.titan-(text|tg1)/, 'amazon-titan-text'],
  [/^amazon\.nova-(micro|lite|pro|premier|2-lite|2-pro)/, 'amazon-nova'],
  [/^meta\.llama/, 'meta'],
  [/^mistral\./, 'mistral'],
  [/^cohere\.command-r/, 'cohere-command-r'],
  [/^cohere\.command/, 'cohere-command'],
  [/^cohere\.embed/, 'cohere-embed'],
  [/^ai21\.jamba/, 'ai21-jamba'],
  [/^ai21\.j2/, 'ai21-j2'],
  [/^deepseek\.r1/, 'deepseek-r1'],
  [/^deepseek\.v3/, 'deepseek-v3'],
  [/^openai\.gpt-oss/, 'openai-gpt-oss'],
  [/^qwen\.qwen3/, 'qwen'],
];

/** The family of a model id (after stripping ARN and cross-region prefix); `undefined` when unknown. */
export function resolveModelFamily(modelId: string): ModelFamily | undefined {
  const base = baseModelId(modelId);
  return FAMILY_RULES.find(([pattern]) => pattern.test(base))?.[1];
}
