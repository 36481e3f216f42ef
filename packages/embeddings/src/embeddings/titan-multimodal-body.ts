/*
 * Amazon Titan Multimodal Embeddings G1 (`amazon.titan-embed-image-v1`), text input, from "Amazon Titan Multimodal
 * Embeddings G1" in the Amazon Bedrock user guide,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-mm.html : request
 * `{inputText, inputImage?, embeddingConfig: {outputEmbeddingLength: 256|384|1024 (default 1024)}}`; response
 * `{embedding, inputTextTokenCount, message}`. The model page (titan-multiemb-models.html) gives 128 input text
 * tokens; Bedrock counts them, so the limit is left to the service.
 */
import { parseTitanResponse } from './titan-body';

/** InvokeModel body of Titan Multimodal Embeddings G1 for one text: `{inputText, embeddingConfig: {outputEmbeddingLength}}`. */
export function buildTitanMultimodalBody(text: string, dimensions: number): string {
  return JSON.stringify({ inputText: text, embeddingConfig: { outputEmbeddingLength: dimensions } });
}

/** The vector of a Titan multimodal response `{embedding, inputTextTokenCount}`, or a reason it is not one. */
export function parseTitanMultimodalResponse(json: unknown): number[] | string {
  return parseTitanResponse(json);
}
