import { imageSize } from 'image-size';

/**
 * Pixel size and format of an image, read from its header bytes by `image-size` (zero dependencies, reads only the
 * header of png, jpeg, gif, webp among others): the well-kept library for this, instead of four hand-written parsers.
 * `undefined` when the bytes are not an image it knows.
 */
export function readImageHeader(bytes: Uint8Array): { format: string; width: number; height: number } | undefined {
  try {
    const size = imageSize(bytes);
    if (size.type === undefined || size.width === undefined || size.height === undefined) return undefined;
    // image-size says `jpg`; Bedrock's format is `jpeg`.
    return { format: size.type === 'jpg' ? 'jpeg' : size.type, width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}
