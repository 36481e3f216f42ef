/** Model families the emulator knows, chosen from the model id. */
export type ModelFamily =
  | 'anthropic'
  | 'amazon-titan-text'
  | 'amazon-nova'
  | 'meta'
  | 'mistral'
  | 'cohere-command'
  | 'cohere-command-r'
  | 'ai21-jamba'
  | 'ai21-j2'
  | 'amazon-titan-embed-v1'
  | 'amazon-titan-embed-v2'
  | 'cohere-embed'
  | 'cohere-embed-v4'
  | 'amazon-titan-embed-image'
  | 'amazon-nova-embed';

/** Families that produce text (and so serve Converse / ConverseStream). */
export const CHAT_FAMILIES: ReadonlySet<ModelFamily> = new Set<ModelFamily>([
  'anthropic',
  'amazon-titan-text',
  'amazon-nova',
  'meta',
  'mistral',
  'cohere-command',
  'cohere-command-r',
  'ai21-jamba',
  'ai21-j2',
]);
