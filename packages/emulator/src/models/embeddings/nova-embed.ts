/*
 * Amazon Nova Multimodal Embeddings (`amazon.nova-2-multimodal-embeddings-v1:0`), synchronous InvokeModel, from
 * "Complete embeddings request and response schema" in the Amazon Nova user guide,
 * https://docs.aws.amazon.com/nova/latest/userguide/embeddings-schema.html . Text input (`text.value`) only here;
 * `image`, `audio`, `video` and `text.source` are refused as not emulated.
 */
import { countTokens } from '../tokenizer';
import { asObject } from '../validate-fields';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { deterministicVector } from './deterministic-vector';
import { malformedInput } from './malformed-input';

/** `embeddingDimension` values; 3072 is the default. */
export const NOVA_EMBED_DIMENSIONS = [256, 384, 1024, 3072] as const;
/** `embeddingPurpose` values. */
export const NOVA_EMBEDDING_PURPOSES = [
  'GENERIC_INDEX',
  'GENERIC_RETRIEVAL',
  'TEXT_RETRIEVAL',
  'IMAGE_RETRIEVAL',
  'VIDEO_RETRIEVAL',
  'DOCUMENT_RETRIEVAL',
  'AUDIO_RETRIEVAL',
  'CLASSIFICATION',
  'CLUSTERING',
] as const;
/** Most characters in `text.value`. */
export const NOVA_EMBED_MAX_CHARS = 8192;

function oneOf(value: unknown, allowed: readonly string[], path: string): string {
  if (!allowed.includes(value as string)) throw malformedInput(path, `${JSON.stringify(value)} is not a valid enum value; allowed: ${allowed.join(', ')}`);
  return value as string;
}

/**
 * Nova multimodal embeddings, text: `{schemaVersion?, taskType: SINGLE_EMBEDDING, singleEmbeddingParams:
 * {embeddingPurpose, embeddingDimension?, text: {truncationMode, value}}}` -> `{embeddings: [{embeddingType: "TEXT",
 * embedding}]}` (unit norm). `truncationMode` is checked but never applies here: at 4 characters per emulator token
 * an 8,192-character text stays far under the model's 8K-token context, so `truncatedCharLength` never appears.
 */
export const novaEmbedCodec: EmbeddingFamilyCodec = {
  embed(body) {
    if (body['schemaVersion'] !== undefined) oneOf(body['schemaVersion'], ['nova-multimodal-embed-v1'], '#/schemaVersion');
    if (body['taskType'] === undefined) throw malformedInput('#', 'required key [taskType] not found');
    // SEGMENTED_EMBEDDING exists, but only through the asynchronous API.
    oneOf(body['taskType'], ['SINGLE_EMBEDDING'], '#/taskType');
    if (body['singleEmbeddingParams'] === undefined) throw malformedInput('#', 'required key [singleEmbeddingParams] not found');
    const params = asObject(body['singleEmbeddingParams'], 'singleEmbeddingParams');
    if (params['embeddingPurpose'] === undefined) throw malformedInput('#/singleEmbeddingParams', 'required key [embeddingPurpose] not found');
    oneOf(params['embeddingPurpose'], NOVA_EMBEDDING_PURPOSES, '#/singleEmbeddingParams/embeddingPurpose');
    const dimensions = params['embeddingDimension'] ?? 3072;
    if (!(NOVA_EMBED_DIMENSIONS as readonly unknown[]).includes(dimensions)) {
      throw malformedInput('#/singleEmbeddingParams/embeddingDimension', `${JSON.stringify(dimensions)} is not a valid enum value; allowed: ${NOVA_EMBED_DIMENSIONS.join(', ')}`);
    }
    const modalities = ['text', 'image', 'audio', 'video'].filter((m) => params[m] !== undefined);
    if (modalities.length !== 1) throw malformedInput('#/singleEmbeddingParams', `exactly one of text, image, audio, video is required, got ${modalities.length}`);
    if (modalities[0] !== 'text') throw malformedInput(`#/singleEmbeddingParams/${modalities[0]}`, 'only text input is emulated');
    const text = asObject(params['text'], 'singleEmbeddingParams.text');
    if (text['truncationMode'] === undefined) throw malformedInput('#/singleEmbeddingParams/text', 'required key [truncationMode] not found');
    oneOf(text['truncationMode'], ['START', 'END', 'NONE'], '#/singleEmbeddingParams/text/truncationMode');
    if (text['source'] !== undefined) throw malformedInput('#/singleEmbeddingParams/text/source', 'S3 text input is not emulated; send value');
    const value = text['value'];
    if (typeof value !== 'string') throw malformedInput('#/singleEmbeddingParams/text', 'one of [value, source] is required');
    if (value.length < 1 || value.length > NOVA_EMBED_MAX_CHARS) {
      throw malformedInput('#/singleEmbeddingParams/text/value', `expected minLength: 1, maxLength: ${NOVA_EMBED_MAX_CHARS}, actual: ${value.length}`);
    }
    const item = { embeddingType: 'TEXT', embedding: deterministicVector(value, dimensions as number, true) };
    return { texts: [value], inputTokens: countTokens(value), response: { embeddings: [item] } };
  },
};
