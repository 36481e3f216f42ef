/*
 * Image and document blocks of Converse messages, checked as Bedrock checks them. Sources (read 2026-12-06):
 * API_runtime_Message (at most 20 images of 3.75 MB and 8000 x 8000 px, 5 documents of 4.5 MB, a text block beside a
 * document, media in user turns only), API_runtime_ImageBlock (png | jpeg | gif | webp), API_runtime_DocumentBlock
 * (pdf | csv | doc | docx | xls | xlsx | html | txt | md; name of alphanumerics, single whitespace, hyphens,
 * parentheses, square brackets, 1-200 characters). On the JSON wire `source.bytes` is base64 text.
 * The emulator depends on no library package: this is its own copy of the rules the components check first.
 */
import { imageSize } from 'image-size';
import { validationError } from '../../errors/bedrock-error';

const MB = 1024 * 1024;
const IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'webp'];
const DOCUMENT_FORMATS = ['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md'];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DOCUMENT_NAME = /^[A-Za-z0-9\s\-()[\]]+$/;

function invalid(message: string): never {
  throw validationError(message);
}

function bytesOf(source: unknown, path: string): Buffer {
  const bytes = (source as { bytes?: unknown } | undefined)?.bytes;
  if (typeof bytes !== 'string') invalid(`1 validation error detected: Value null at '${path}.source.bytes' failed to satisfy constraint: Member must not be null`);
  if (bytes.length % 4 !== 0 || !BASE64.test(bytes)) invalid(`Invalid base64 encoding at '${path}.source.bytes'.`);
  return Buffer.from(bytes, 'base64');
}

/** Checks one message's image and document blocks; returns what it received, e.g. `image/png 64x64`, `document report.pdf`. */
export function checkMessageMedia(content: readonly unknown[], role: string, path: string): string[] {
  const received: string[] = [];
  let images = 0;
  let documents = 0;
  let hasText = false;
  content.forEach((raw, i) => {
    const block = (raw ?? {}) as Record<string, unknown>;
    const at = `${path}.content.${i + 1}.member`;
    if (typeof block['text'] === 'string') hasText = true;
    if (block['image'] !== undefined) {
      if (role !== 'user') invalid('Images and documents are only allowed in user messages.');
      images += 1;
      const image = block['image'] as Record<string, unknown>;
      const format = image['format'];
      if (!IMAGE_FORMATS.includes(String(format))) {
        invalid(`1 validation error detected: Value '${String(format)}' at '${at}.image.format' failed to satisfy constraint: Member must satisfy enum value set: [${IMAGE_FORMATS.join(', ')}]`);
      }
      const bytes = bytesOf(image['source'], `${at}.image`);
      if (bytes.byteLength > 3.75 * MB) invalid(`The image at ${at} exceeds the maximum size of 3.75 MB.`);
      let size: { width?: number; height?: number; type?: string };
      try {
        size = imageSize(new Uint8Array(bytes));
      } catch {
        invalid(`Could not process image at ${at}: the image bytes are not a valid ${String(format)} image.`);
      }
      const type = size.type === 'jpg' ? 'jpeg' : size.type;
      if (type !== format) invalid(`The provided image format ${String(format)} does not match the image bytes (${String(type)}).`);
      if ((size.width ?? 0) > 8000 || (size.height ?? 0) > 8000) {
        invalid(`The image at ${at} is ${size.width}x${size.height} px; image dimensions must not exceed 8000 px.`);
      }
      received.push(`image/${String(format)} ${size.width}x${size.height}`);
    }
    if (block['document'] !== undefined) {
      if (role !== 'user') invalid('Images and documents are only allowed in user messages.');
      documents += 1;
      const document = block['document'] as Record<string, unknown>;
      const format = document['format'];
      if (format !== undefined && !DOCUMENT_FORMATS.includes(String(format))) {
        invalid(`1 validation error detected: Value '${String(format)}' at '${at}.document.format' failed to satisfy constraint: Member must satisfy enum value set: [${DOCUMENT_FORMATS.join(', ')}]`);
      }
      const name = document['name'];
      if (typeof name !== 'string' || name.length < 1 || name.length > 200 || !DOCUMENT_NAME.test(name) || /\s\s/.test(name)) {
        invalid('The document file name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets. The name can\'t contain more than one consecutive whitespace character.');
      }
      const bytes = bytesOf(document['source'], `${at}.document`);
      if (bytes.byteLength > 4.5 * MB) invalid(`The document at ${at} exceeds the maximum size of 4.5 MB.`);
      received.push(`document ${name}.${String(format ?? 'txt')}`);
    }
  });
  if (images > 20) invalid('Too many images: a message can include up to 20 images.');
  if (documents > 5) invalid('Too many documents: a message can include up to 5 documents.');
  if (documents > 0 && !hasText) invalid('A conversation with documents must also include a text content block.');
  return received;
}
