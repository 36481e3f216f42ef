/*
 * Images in the InvokeModel bodies of the vision models outside Converse's block shape: Llama 3.2 Vision / Llama 4
 * (`images: [base64]` beside `<|image|>` tags in the prompt; AWS "Meta Llama models") and Pixtral Large (chat
 * `image_url` parts with a base64 data URL; AWS "Mistral AI models"). Checked with Bedrock's image limits
 * (3.75 MB, 8000 px a side, API_runtime_Message) and read with `image-size`.
 */
import { imageSize } from 'image-size';
import { validationError } from '../../errors/bedrock-error';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks one base64 image; returns what arrived (`image/png 64x64`). */
export function checkBase64Image(data: unknown, path: string): string {
  if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data)) throw validationError(`${path}: Invalid base64 image data.`);
  const bytes = Buffer.from(data, 'base64');
  if (bytes.byteLength > 3.75 * 1024 * 1024) throw validationError(`${path}: image exceeds 3.75 MB.`);
  let size;
  try {
    size = imageSize(new Uint8Array(bytes));
  } catch {
    throw validationError(`${path}: Unable to process the input image.`);
  }
  if ((size.width ?? 0) > 8000 || (size.height ?? 0) > 8000) throw validationError(`${path}: image dimensions exceed 8000 px.`);
  return `image/${size.type === 'jpg' ? 'jpeg' : size.type} ${size.width}x${size.height}`;
}

/** The images of a Llama body (`images`), checked; the prompt must hold one `<|image|>` tag per image. */
export function checkLlamaImages(body: Record<string, unknown>): string[] {
  const images = body['images'];
  if (images === undefined) return [];
  if (!Array.isArray(images)) throw validationError("Malformed input request: #/images: expected type: JSONArray, please reformat your input and try again.");
  const tags = (String(body['prompt'] ?? '').match(/<\|image\|>/g) ?? []).length;
  if (tags !== images.length) throw validationError(`The number of <|image|> tags in the prompt (${tags}) does not match the number of images (${images.length}).`);
  return images.map((image, i) => checkBase64Image(image, `images.${i}`));
}

/** The `image_url` parts of an OpenAI-style message content (Pixtral), checked. */
export function checkImageUrlParts(content: unknown, path: string): string[] {
  if (!Array.isArray(content)) return [];
  const received: string[] = [];
  content.forEach((part, i) => {
    const p = (part ?? {}) as { type?: unknown; image_url?: { url?: unknown } | string };
    if (p.type !== 'image_url') return;
    const url = typeof p.image_url === 'string' ? p.image_url : p.image_url?.url;
    const match = typeof url === 'string' ? /^data:image\/(png|jpeg|gif|webp);base64,(.*)$/s.exec(url) : null;
    if (!match) throw validationError(`${path}.content.${i}.image_url: only base64 data URLs of png, jpeg, gif or webp images are accepted.`);
    received.push(checkBase64Image(match[2], `${path}.content.${i}.image_url`));
  });
  return received;
}
