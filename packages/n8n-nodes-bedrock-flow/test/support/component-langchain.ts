import path from 'node:path';
import type * as ChatModels from '@langchain/core/language_models/chat_models';
import type * as EmbeddingsModule from '@langchain/core/embeddings';

/**
 * `@langchain/core` as the bundled components see it. pnpm can give this package its own copy (another peer set),
 * so an `instanceof` check must use the components' copy, as n8n's check uses n8n's own.
 */
function fromComponents<T>(subpath: string): T {
  const converseDir = path.join(__dirname, '..', '..', '..', 'converse');
  return require(require.resolve(`@langchain/core/${subpath}`, { paths: [converseDir] })) as T;
}

export const { BaseChatModel } = fromComponents<typeof ChatModels>('language_models/chat_models');
export const { Embeddings } = fromComponents<typeof EmbeddingsModule>('embeddings');
