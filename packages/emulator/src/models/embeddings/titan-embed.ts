import { validationError } from '../../errors/bedrock-error';
import { countTokens } from '../tokenizer';
import { optionalStrings, requiredString } from '../validate-fields';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { deterministicVector } from './deterministic-vector';

/** Titan embeddings v1 vector size. */
export const TITAN_V1_DIMENSIONS = 1536;
/** Titan embeddings v2 sizes; 1024 is the default. */
export const TITAN_V2_DIMENSIONS = [256, 512, 1024] as const;

function inputText(body: Record<string, unknown>): string {
  const text = requiredString(body['inputText'], 'inputText');
  if (text.length === 0) throw validationError('inputText: must not be empty');
  return text;
}

/** Titan text embeddings v1: `{inputText}` -> `{embedding[1536], inputTextTokenCount}` (unit norm). */
export const titanEmbedV1Codec: EmbeddingFamilyCodec = {
  embed(body) {
    const text = inputText(body);
    const tokens = countTokens(text);
    return { texts: [text], inputTokens: tokens, response: { embedding: deterministicVector(text, TITAN_V1_DIMENSIONS, true), inputTextTokenCount: tokens } };
  },
};

/** Titan text embeddings v2: `{inputText, dimensions 256|512|1024, normalize (true), embeddingTypes}`. */
export const titanEmbedV2Codec: EmbeddingFamilyCodec = {
  embed(body) {
    const text = inputText(body);
    const dimensions = body['dimensions'] ?? 1024;
    if (!(TITAN_V2_DIMENSIONS as readonly unknown[]).includes(dimensions)) {
      throw validationError(`Malformed input request: dimensions: ${JSON.stringify(dimensions)} is not a valid enum value; allowed: 256, 512, 1024`);
    }
    const normalize = body['normalize'] ?? true;
    if (typeof normalize !== 'boolean') throw validationError('Malformed input request: normalize: expected type: Boolean');
    const types = optionalStrings(body['embeddingTypes'], 'embeddingTypes');
    if (types.some((t) => t !== 'float' && t !== 'binary')) throw validationError('embeddingTypes: allowed values are float, binary');
    const embedding = deterministicVector(text, dimensions as number, normalize);
    const byType: Record<string, number[]> = {};
    if (types.length === 0 || types.includes('float')) byType['float'] = embedding;
    if (types.includes('binary')) byType['binary'] = embedding.map((v) => (v > 0 ? 1 : 0));
    const tokens = countTokens(text);
    return { texts: [text], inputTokens: tokens, response: { embedding, inputTextTokenCount: tokens, embeddingsByType: byType } };
  },
};
