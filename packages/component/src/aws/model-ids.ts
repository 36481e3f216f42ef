/**
 * Bedrock text model ids offered by Langflow's Bedrock components (`AWS_MODEL_IDs`), in Langflow's order.
 * The model dropdowns also accept typed ids (cross-region inference profiles, custom models, ARNs).
 */
export const AWS_MODEL_IDS = [
  'amazon.titan-text-express-v1',
  'amazon.titan-text-lite-v1',
  'amazon.titan-text-premier-v1:0',
  'anthropic.claude-v2',
  'anthropic.claude-v2:1',
  'anthropic.claude-3-sonnet-20240229-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-5-sonnet-20241022-v2:0',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-5-haiku-20241022-v1:0',
  'anthropic.claude-3-opus-20240229-v1:0',
  'anthropic.claude-instant-v1',
  'ai21.jamba-instruct-v1:0',
  'ai21.j2-mid-v1',
  'ai21.j2-ultra-v1',
  'ai21.jamba-1-5-large-v1:0',
  'ai21.jamba-1-5-mini-v1:0',
  'cohere.command-text-v14',
  'cohere.command-light-text-v14',
  'cohere.command-r-v1:0',
  'cohere.command-r-plus-v1:0',
  'meta.llama2-13b-chat-v1',
  'meta.llama2-70b-chat-v1',
  'meta.llama3-8b-instruct-v1:0',
  'meta.llama3-70b-instruct-v1:0',
  'meta.llama3-1-8b-instruct-v1:0',
  'meta.llama3-1-70b-instruct-v1:0',
  'meta.llama3-1-405b-instruct-v1:0',
  'meta.llama3-2-1b-instruct-v1:0',
  'meta.llama3-2-3b-instruct-v1:0',
  'meta.llama3-2-11b-instruct-v1:0',
  'meta.llama3-2-90b-instruct-v1:0',
  'mistral.mistral-7b-instruct-v0:2',
  'mistral.mixtral-8x7b-instruct-v0:1',
  'mistral.mistral-large-2402-v1:0',
  'mistral.mistral-large-2407-v1:0',
  'mistral.mistral-small-2402-v1:0',
] as const;

/** Bedrock embedding model ids offered by Langflow's embeddings component (`AWS_EMBEDDING_MODEL_IDS`). */
export const AWS_EMBEDDING_MODEL_IDS = [
  'amazon.titan-embed-text-v1',
  'amazon.titan-embed-text-v2:0',
  'cohere.embed-english-v3',
  'cohere.embed-multilingual-v3',
] as const;

/**
 * Shape a typed model id must have: a model id, an inference profile id or an ARN.
 * Letters, digits and `. _ : / -`, starting with a letter or digit, at most 2048 characters (Bedrock's limit).
 */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,2047}$/;
