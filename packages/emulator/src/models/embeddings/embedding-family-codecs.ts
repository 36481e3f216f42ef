import type { ModelFamily } from '../model-family';
import { cohereEmbedCodec } from './cohere-embed';
import { cohereEmbedV4Codec } from './cohere-embed-v4';
import { novaEmbedCodec } from './nova-embed';
import { titanEmbedImageCodec } from './titan-embed-image';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { titanEmbedV1Codec, titanEmbedV2Codec } from './titan-embed';

/** The InvokeModel codec of each embedding family. */
export const EMBEDDING_FAMILY_CODECS: Partial<Record<ModelFamily, EmbeddingFamilyCodec>> = {
  'amazon-titan-embed-v1': titanEmbedV1Codec,
  'amazon-titan-embed-v2': titanEmbedV2Codec,
  'cohere-embed': cohereEmbedCodec,
  'cohere-embed-v4': cohereEmbedV4Codec,
  'amazon-titan-embed-image': titanEmbedImageCodec,
  'amazon-nova-embed': novaEmbedCodec,
};
