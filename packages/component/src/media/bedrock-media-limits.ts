/*
 * Source: AWS, Bedrock API reference "Message" (API_runtime_Message): "You can include up to 20 images. Each image's
 * size, height, and width must be no more than 3.75 MB, 8000 px, and 8000 px, respectively. You can include up to five
 * documents. Each document's size must be no more than 4.5 MB. If you include a ContentBlock with a document field in
 * the array, you must also include a ContentBlock with a text field."
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html (read 2026-12-06)
 */

const MB = 1024 * 1024;

/** Bedrock's limits on the images and documents of one message (Converse `Message.content`). */
export const BEDROCK_MEDIA_LIMITS = Object.freeze({
  /** Images per message. */
  maxImages: 20,
  /** Bytes per image: 3.75 MB. */
  maxImageBytes: 3.75 * MB,
  /** Pixels per side of an image. */
  maxImagePixels: 8000,
  /** Documents per message. */
  maxDocuments: 5,
  /** Bytes per document: 4.5 MB. */
  maxDocumentBytes: 4.5 * MB,
  /** Characters of a document name (API_runtime_DocumentBlock: length 1 to 200). */
  maxDocumentNameLength: 200,
});

/** `3.75 MB` from a byte count, for messages. */
export function formatMegabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(2))} MB`;
}
