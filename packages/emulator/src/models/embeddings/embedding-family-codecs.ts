import type { ModelFamily } from '../model-family';
import { cohereEmbedCodec } from './cohere-embed';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { titanEmbedV1Codec, titanEmbedV2Codec } from './titan-embed';

/** The InvokeModel codec of each embedding family. */
export const EMBEDDING_FAMILY_CODECS: Partial<Record<ModelFamily, EmbeddingFamilyCodec>> = {
  'amazon-titan-embed-v1': titanEmbedV1Codec,
  'amazon-titan-embed-v2': titanEmbedV2Codec,
  'cohere-embed': cohereEmbedCodec,
};
