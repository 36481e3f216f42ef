/*
 * Cohere Embed v4 (`cohere.embed-v4:0`), from "Cohere Embed v4" in the Amazon Bedrock user guide,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed-v4.html . Text input only here
 * (`texts`); `images` and `inputs` are refused as not emulated.
 */
import { deterministicId } from '../families/deterministic-id';
import { countTokens, truncateToTokens } from '../tokenizer';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { deterministicVector } from './deterministic-vector';
import { malformedInput } from './malformed-input';
import { quantizeEmbedding, type QuantizedType } from './quantize-embedding';
import { COHERE_EMBED_MAX_TEXTS, COHERE_INPUT_TYPES } from './cohere-embed';

/** `output_dimension` values; 1536 is the default. */
export const COHERE_V4_DIMENSIONS = [256, 512, 1024, 1536] as const;
/** `embedding_types` values. */
export const COHERE_V4_EMBEDDING_TYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary'] as const;
/** Context length per text, and the largest `max_tokens`. */
export const COHERE_V4_MAX_TOKENS = 128_000;

function cut(text: string, maxTokens: number, side: 'LEFT' | 'RIGHT'): string {
  if (countTokens(text) <= maxTokens) return text;
  if (side === 'RIGHT') return truncateToTokens(text, maxTokens);
  return text.slice(text.length - truncateToTokens(text, maxTokens).length);
}

/**
 * Cohere Embed v4: `{texts ≤ 96, input_type, embedding_types, output_dimension, max_tokens, truncate NONE|LEFT|RIGHT}`
 * -> `{id, response_type, embeddings, texts}`: `embeddings_by_type` (`{float: [[…]], int8: …}`) when `embedding_types`
 * is set, else `embeddings_floats` (a list). A text over `max_tokens` (default 128,000) is refused with `NONE` (the
 * default) and cut on that side with `LEFT`/`RIGHT`.
 */
export const cohereEmbedV4Codec: EmbeddingFamilyCodec = {
  embed(body) {
    for (const member of ['images', 'inputs']) {
      if (body[member] !== undefined) throw malformedInput(`#/${member}`, 'image input is not emulated; send texts');
    }
    const texts = body['texts'];
    if (texts === undefined) throw malformedInput('#', 'required key [texts] not found');
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw malformedInput('#/texts', 'expected type: JSONArray of String');
    if (texts.length < 1 || texts.length > COHERE_EMBED_MAX_TEXTS) {
      throw malformedInput('#/texts', `expected minItems: 1, maxItems: ${COHERE_EMBED_MAX_TEXTS}, actual: ${texts.length}`);
    }
    const inputType = body['input_type'];
    if (inputType === undefined) throw malformedInput('#', 'required key [input_type] not found');
    if (!(COHERE_INPUT_TYPES as readonly unknown[]).includes(inputType)) {
      throw malformedInput('#/input_type', `${JSON.stringify(inputType)} is not a valid enum value; allowed: ${COHERE_INPUT_TYPES.join(', ')}`);
    }
    const dimensions = body['output_dimension'] ?? 1536;
    if (!(COHERE_V4_DIMENSIONS as readonly unknown[]).includes(dimensions)) {
      throw malformedInput('#/output_dimension', `${JSON.stringify(dimensions)} is not a valid enum value; allowed: ${COHERE_V4_DIMENSIONS.join(', ')}`);
    }
    const types = body['embedding_types'];
    if (types !== undefined && (!Array.isArray(types) || types.length === 0 || types.some((t) => !(COHERE_V4_EMBEDDING_TYPES as readonly unknown[]).includes(t)))) {
      throw malformedInput('#/embedding_types', `expected a non-empty list of: ${COHERE_V4_EMBEDDING_TYPES.join(', ')}`);
    }
    const maxTokens = body['max_tokens'] ?? COHERE_V4_MAX_TOKENS;
    if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1 || maxTokens > COHERE_V4_MAX_TOKENS) {
      throw malformedInput('#/max_tokens', `expected an integer from 1 to ${COHERE_V4_MAX_TOKENS}, actual: ${JSON.stringify(maxTokens)}`);
    }
    const truncate = body['truncate'] ?? 'NONE';
    if (truncate !== 'NONE' && truncate !== 'LEFT' && truncate !== 'RIGHT') {
      throw malformedInput('#/truncate', `${JSON.stringify(truncate)} is not a valid enum value; allowed: NONE, LEFT, RIGHT`);
    }
    const embedded = (texts as string[]).map((text, i) => {
      if (truncate !== 'NONE') return cut(text, maxTokens, truncate);
      if (countTokens(text) > maxTokens) {
        throw malformedInput(`#/texts/${i}`, `${countTokens(text)} tokens exceed max_tokens ${maxTokens}; set truncate to LEFT or RIGHT`);
      }
      return text;
    });
    const vectors = embedded.map((t) => deterministicVector(t, dimensions as number, true));
    const id = deterministicId('', JSON.stringify(texts), 32);
    const inputTokens = embedded.reduce((n, t) => n + countTokens(t), 0);
    if (types === undefined) return { texts: texts as string[], inputTokens, response: { id, response_type: 'embeddings_floats', embeddings: vectors, texts } };
    const byType: Record<string, number[][]> = {};
    for (const type of new Set(types as string[])) {
      byType[type] = type === 'float' ? vectors : vectors.map((v) => quantizeEmbedding(v, type as QuantizedType));
    }
    return { texts: texts as string[], inputTokens, response: { id, response_type: 'embeddings_by_type', embeddings: byType, texts } };
  },
};
