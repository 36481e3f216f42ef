import { validationError } from '../../errors/bedrock-error';
import { deterministicId } from '../families/deterministic-id';
import { countTokens } from '../tokenizer';
import { required } from '../validate-fields';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { deterministicVector } from './deterministic-vector';

/** Cohere embed v3 vector size. */
export const COHERE_EMBED_DIMENSIONS = 1024;
/** Most texts per request. */
export const COHERE_EMBED_MAX_TEXTS = 96;
/** Allowed `input_type` values. */
export const COHERE_INPUT_TYPES = ['search_document', 'search_query', 'classification', 'clustering'] as const;

/** Cohere embed v3: `{texts ≤ 96, input_type, truncate, embedding_types}` -> `{embeddings, id, response_type, texts}`. */
export const cohereEmbedCodec: EmbeddingFamilyCodec = {
  embed(body) {
    const texts = required(body['texts'], 'texts');
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw validationError('Malformed input request: texts: expected a list of strings');
    if (texts.length < 1 || texts.length > COHERE_EMBED_MAX_TEXTS) {
      throw validationError(`Malformed input request: texts: expected between 1 and ${COHERE_EMBED_MAX_TEXTS} items, got ${texts.length}`);
    }
    const inputType = required(body['input_type'], 'input_type');
    if (!(COHERE_INPUT_TYPES as readonly unknown[]).includes(inputType)) {
      throw validationError(`Malformed input request: input_type: ${JSON.stringify(inputType)} is not a valid enum value; allowed: ${COHERE_INPUT_TYPES.join(', ')}`);
    }
    const truncate = body['truncate'];
    if (truncate !== undefined && truncate !== 'NONE' && truncate !== 'START' && truncate !== 'END') {
      throw validationError('Malformed input request: truncate: allowed values are NONE, START, END');
    }
    const vectors = (texts as string[]).map((t) => deterministicVector(t, COHERE_EMBED_DIMENSIONS, true));
    const types = body['embedding_types'];
    const id = deterministicId('', JSON.stringify(texts), 32);
    const inputTokens = (texts as string[]).reduce((n, t) => n + countTokens(t), 0);
    const response = Array.isArray(types)
      ? { id, response_type: 'embeddings_by_type', embeddings: { float: vectors }, texts }
      : { id, response_type: 'embeddings_floats', embeddings: vectors, texts };
    return { texts: texts as string[], inputTokens, response };
  },
};
