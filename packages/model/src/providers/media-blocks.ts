import type { BaseMessage } from '@langchain/core/messages';

/** An image or document a message carries, as the component put it there (Converse `image` / `document` blocks). */
export interface MediaBlock {
  kind: 'image' | 'document';
  /** Bedrock format (`png`, `pdf`, …). */
  format: string;
  /** Documents: the name. */
  name?: string;
  bytes: Uint8Array;
}

function bytesOf(source: unknown): Uint8Array | undefined {
  const bytes = (source as { bytes?: unknown } | undefined)?.bytes;
  if (bytes instanceof Uint8Array) return bytes;
  if (typeof bytes === 'string') return new Uint8Array(Buffer.from(bytes, 'base64'));
  return undefined;
}

/**
 * The image and document blocks of a message's content, in order: the Converse-shaped blocks the component adds for
 * `input_value.files` (`{ type: 'image', image: { format, source: { bytes } } }`, `{ type: 'document', document: … }`).
 * Each InvokeModel family turns them into its own shape.
 */
export function mediaBlocksOf(message: BaseMessage): MediaBlock[] {
  if (typeof message.content === 'string') return [];
  const blocks: MediaBlock[] = [];
  for (const raw of message.content as unknown[]) {
    const block = raw as { type?: unknown; image?: { format?: unknown; source?: unknown }; document?: { format?: unknown; name?: unknown; source?: unknown } };
    if (block?.type === 'image' && block.image) {
      const bytes = bytesOf(block.image.source);
      if (bytes) blocks.push({ kind: 'image', format: String(block.image.format), bytes });
    } else if (block?.type === 'document' && block.document) {
      const bytes = bytesOf(block.document.source);
      if (bytes) blocks.push({ kind: 'document', format: String(block.document.format), name: String(block.document.name ?? ''), bytes });
    }
  }
  return blocks;
}

/** Base64 text of bytes (JSON bodies carry bytes as base64). */
export function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
