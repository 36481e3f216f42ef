import type { ResolvedFile } from './resolved-file';

/**
 * A resolved file as the LangChain content block `ChatBedrockConverse` passes to Converse unchanged: `{ type:
 * 'image', image: { format, source: { bytes } } }` or `{ type: 'document', document: { format, name, source: { bytes }
 * } }` (Bedrock's own ImageBlock / DocumentBlock shapes; @langchain/aws utils/message_inputs forwards them as they are).
 */
export function converseContentBlock(file: ResolvedFile): Record<string, unknown> {
  if (file.kind === 'image') return { type: 'image', image: { format: file.format, source: { bytes: file.bytes } } };
  return { type: 'document', document: { format: file.format, name: file.name, source: { bytes: file.bytes } } };
}
