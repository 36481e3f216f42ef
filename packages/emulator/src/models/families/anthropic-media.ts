/*
 * Image and document blocks of the Anthropic Messages API on Bedrock (InvokeModel), checked as Bedrock checks them:
 * image `source {type: base64, media_type: image/jpeg|png|gif|webp, data}` of at most 3.75 MB and 8000 px a side
 * (the Converse limits, API_runtime_Message, which Bedrock applies to Claude), document `source {type: base64,
 * media_type: application/pdf, data}` or `{type: text, media_type: text/plain, data}` of at most 4.5 MB.
 * AWS, "Anthropic Claude Messages API": https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html
 */
import { imageSize } from 'image-size';
import { validationError } from '../../errors/bedrock-error';

const MB = 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Bytes(data: unknown, path: string): Buffer {
  if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data)) throw validationError(`${path}.source.data: Invalid base64 data`);
  return Buffer.from(data, 'base64');
}

/** Checks the image and document blocks of one message's content; returns what it received (`image/png 64x64`, `document (pdf)`). */
export function checkAnthropicMedia(content: unknown, path: string): string[] {
  if (!Array.isArray(content)) return [];
  const received: string[] = [];
  content.forEach((raw, i) => {
    const block = (raw ?? {}) as Record<string, unknown>;
    const at = `${path}.content.${i}`;
    const source = (block['source'] ?? {}) as Record<string, unknown>;
    if (block['type'] === 'image') {
      const mediaType = String(source['media_type']);
      if (source['type'] !== 'base64' || !IMAGE_TYPES.includes(mediaType)) {
        throw validationError(`${at}.source.media_type: Input should be ${IMAGE_TYPES.map((t) => `'${t}'`).join(', ')}`);
      }
      const bytes = base64Bytes(source['data'], at);
      if (bytes.byteLength > 3.75 * MB) throw validationError(`${at}: image exceeds 3.75 MB maximum`);
      let size;
      try {
        size = imageSize(new Uint8Array(bytes));
      } catch {
        throw validationError(`${at}: Could not process image`);
      }
      const type = size.type === 'jpg' ? 'jpeg' : size.type;
      if (`image/${type}` !== mediaType) throw validationError(`${at}: Image does not match the provided media type ${mediaType}`);
      if ((size.width ?? 0) > 8000 || (size.height ?? 0) > 8000) throw validationError(`${at}: image dimensions exceed max allowed size: 8000 pixels`);
      received.push(`${mediaType} ${size.width}x${size.height}`);
    } else if (block['type'] === 'document') {
      const kind = source['type'];
      if (kind === 'base64' && source['media_type'] === 'application/pdf') {
        const bytes = base64Bytes(source['data'], at);
        if (bytes.byteLength > 4.5 * MB) throw validationError(`${at}: document exceeds 4.5 MB maximum`);
        if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw validationError(`${at}: The PDF specified was not valid.`);
        received.push('document (pdf)');
      } else if (kind === 'text' && source['media_type'] === 'text/plain' && typeof source['data'] === 'string') {
        received.push('document (txt)');
      } else {
        throw validationError(`${at}.source: Input tag '${String(kind)}' found using 'type' does not match any of the expected tags: 'base64', 'text', 'content', 'url'`);
      }
    }
  });
  return received;
}
