import { EmbeddingConfigError } from '../errors/embedding-config-error';
import type { CohereTruncate } from './cohere-body';
import { EMBEDDING_FAMILY_SPECS, type EmbeddingModelFamily } from './embedding-model-family';

/** Most `max_tokens` Cohere Embed v4 accepts (its context length). */
export const COHERE_V4_MAX_TOKENS = 128_000;

/** The family options as given to the constructor (any of them may be unset or wrong). */
export interface FamilyOptionsInput {
  model: string;
  dimensions?: unknown;
  normalize?: unknown;
  truncate?: unknown;
  batchSize?: unknown;
  maxTokens?: unknown;
}

/** The checked family options, with each family's defaults filled in. */
export interface FamilyOptions {
  /** Vector size returned. */
  dimensions: number;
  normalize: boolean | undefined;
  truncate: CohereTruncate | undefined;
  batchSize: number;
  maxTokens: number | undefined;
}

function isInteger(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** `value` when it is an integer in `min..max`, else an {@link EmbeddingConfigError} naming `field`. */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (!isInteger(value, min, max)) {
    throw new EmbeddingConfigError(field, `${JSON.stringify(value)} is not an integer in ${min}..${max}`, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** Lists `[256, 512, 1024]` as `256, 512 or 1024`. */
export function listSizes(sizes: readonly number[]): string {
  return sizes.length === 1 ? String(sizes[0]) : `${sizes.slice(0, -1).join(', ')} or ${sizes[sizes.length - 1]}`;
}

/**
 * Checks the options that only some families take, before any request: an option the family has no use for is an
 * error (never silently dropped), and a value outside the family's documented set names the field and lists what
 * that model allows. Throws {@link EmbeddingConfigError}.
 */
export function resolveFamilyOptions(family: EmbeddingModelFamily, input: FamilyOptionsInput): FamilyOptions {
  const spec = EMBEDDING_FAMILY_SPECS[family];
  const { model } = input;

  let dimensions: number;
  if (spec.dimensionOptions === undefined) {
    if (input.dimensions !== undefined && input.dimensions !== spec.fixedDimensions) {
      throw new EmbeddingConfigError('dimensions', `is not configurable for ${model}, which returns ${spec.fixedDimensions}`, `unset or ${spec.fixedDimensions}`);
    }
    dimensions = spec.fixedDimensions as number;
  } else {
    const given = input.dimensions ?? spec.defaultDimensions;
    if (!spec.dimensionOptions.includes(given as number)) {
      throw new EmbeddingConfigError('dimensions', `${JSON.stringify(given)} is not a vector size of ${model}`, listSizes(spec.dimensionOptions));
    }
    dimensions = given as number;
  }

  let normalize: boolean | undefined;
  if (family === 'titan-v2') {
    if (input.normalize !== undefined && typeof input.normalize !== 'boolean') {
      throw new EmbeddingConfigError('normalize', `${JSON.stringify(input.normalize)} is not a boolean`, 'true or false');
    }
    normalize = (input.normalize as boolean | undefined) ?? true;
  } else if (input.normalize !== undefined) {
    throw new EmbeddingConfigError('normalize', `is only configurable for Titan v2, not ${model}`, 'unset');
  }

  let truncate: CohereTruncate | undefined;
  if (spec.truncates) {
    const given = input.truncate ?? 'NONE';
    if (given !== 'NONE' && given !== 'START' && given !== 'END') {
      throw new EmbeddingConfigError('truncate', `${JSON.stringify(given)} is not a truncate mode`, 'NONE, START or END');
    }
    truncate = given;
  } else if (input.truncate !== undefined) {
    throw new EmbeddingConfigError('truncate', `is only configurable for Cohere and Nova models, not ${model}`, 'unset');
  }

  let batchSize = 1;
  if (spec.maxTextsPerRequest > 1) {
    batchSize = checkInteger('batchSize', input.batchSize ?? spec.maxTextsPerRequest, 1, spec.maxTextsPerRequest);
  } else if (input.batchSize !== undefined && input.batchSize !== 1) {
    throw new EmbeddingConfigError('batchSize', `${model} embeds one text per request`, 'unset or 1');
  }

  let maxTokens: number | undefined;
  if (family === 'cohere-v4') {
    maxTokens = input.maxTokens === undefined ? undefined : checkInteger('maxTokens', input.maxTokens, 1, COHERE_V4_MAX_TOKENS);
  } else if (input.maxTokens !== undefined) {
    throw new EmbeddingConfigError('maxTokens', `is only configurable for Cohere Embed v4, not ${model}`, 'unset');
  }

  return { dimensions, normalize, truncate, batchSize, maxTokens };
}
