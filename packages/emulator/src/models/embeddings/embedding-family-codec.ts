/** How one embedding family answers InvokeModel: validates the body and builds the response. */
export interface EmbeddingFamilyCodec {
  /** Validates `body`; returns the response body, the texts embedded and the input tokens. */
  embed(body: Record<string, unknown>): { response: unknown; texts: string[]; inputTokens: number };
}
