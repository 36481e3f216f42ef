/*
 * Amazon Titan Multimodal Embeddings G1 (`amazon.titan-embed-image-v1`), from "Amazon Titan Multimodal Embeddings G1"
 * in the Amazon Bedrock user guide, https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-mm.html
 * (body) and titan-multiemb-models.html (128 input text tokens). Text input only here; `inputImage` is refused as not
 * emulated.
 */
import { countTokens } from '../tokenizer';
import { asObject } from '../validate-fields';
import type { EmbeddingFamilyCodec } from './embedding-family-codec';
import { deterministicVector } from './deterministic-vector';
import { malformedInput } from './malformed-input';

/** `embeddingConfig.outputEmbeddingLength` values; 1024 is the default. */
export const TITAN_IMAGE_DIMENSIONS = [256, 384, 1024] as const;
/** Most input text tokens. */
export const TITAN_IMAGE_MAX_TEXT_TOKENS = 128;

/**
 * Titan multimodal embeddings, text input: `{inputText, embeddingConfig: {outputEmbeddingLength}}` ->
 * `{embedding, inputTextTokenCount}` (unit norm). A text over 128 tokens is refused.
 */
export const titanEmbedImageCodec: EmbeddingFamilyCodec = {
  embed(body) {
    if (body['inputImage'] !== undefined) throw malformedInput('#/inputImage', 'image input is not emulated; send inputText');
    const text = body['inputText'];
    if (text === undefined) throw malformedInput('#', 'at least one of [inputText, inputImage] is required');
    if (typeof text !== 'string') throw malformedInput('#/inputText', 'expected type: String');
    if (text.length === 0) throw malformedInput('#/inputText', 'expected minLength: 1, actual: 0');
    const tokens = countTokens(text);
    if (tokens > TITAN_IMAGE_MAX_TEXT_TOKENS) {
      throw malformedInput('#/inputText', `${tokens} tokens exceed the model's ${TITAN_IMAGE_MAX_TEXT_TOKENS}-token input text limit`);
    }
    let dimensions: unknown = 1024;
    if (body['embeddingConfig'] !== undefined) {
      const config = asObject(body['embeddingConfig'], 'embeddingConfig');
      dimensions = config['outputEmbeddingLength'] ?? 1024;
    }
    if (!(TITAN_IMAGE_DIMENSIONS as readonly unknown[]).includes(dimensions)) {
      throw malformedInput('#/embeddingConfig/outputEmbeddingLength', `${JSON.stringify(dimensions)} is not a valid enum value; allowed: ${TITAN_IMAGE_DIMENSIONS.join(', ')}`);
    }
    return { texts: [text], inputTokens: tokens, response: { embedding: deterministicVector(text, dimensions as number, true), inputTextTokenCount: tokens } };
  },
};
