/*
 * Source: AWS, Bedrock API reference "ImageBlock" (format: png | jpeg | gif | webp) and "DocumentBlock" (format: pdf |
 * csv | doc | docx | xls | xlsx | html | txt | md).
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageBlock.html
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
 * The MIME types are the ones @langchain/aws maps to these formats (utils/message_inputs), plus `image/jpg`.
 */

/** Whether a file becomes a Converse `image` block or a `document` block. */
export type MediaKind = 'image' | 'document';

/** A Bedrock media format and the block it goes in. */
export interface MediaFormat {
  kind: MediaKind;
  /** Bedrock's `format` value (`png`, `pdf`, …). */
  format: string;
}

const BY_MIME: Readonly<Record<string, MediaFormat>> = Object.freeze({
  'image/png': { kind: 'image', format: 'png' },
  'image/jpeg': { kind: 'image', format: 'jpeg' },
  'image/jpg': { kind: 'image', format: 'jpeg' },
  'image/gif': { kind: 'image', format: 'gif' },
  'image/webp': { kind: 'image', format: 'webp' },
  'application/pdf': { kind: 'document', format: 'pdf' },
  'text/csv': { kind: 'document', format: 'csv' },
  'application/msword': { kind: 'document', format: 'doc' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', format: 'docx' },
  'application/vnd.ms-excel': { kind: 'document', format: 'xls' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', format: 'xlsx' },
  'text/html': { kind: 'document', format: 'html' },
  'text/plain': { kind: 'document', format: 'txt' },
  'text/markdown': { kind: 'document', format: 'md' },
});

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = Object.freeze({
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
});

/** The MIME types a message file may have, for error messages. */
export const SUPPORTED_MEDIA_TYPES = Object.freeze(Object.keys(BY_MIME).filter((mime) => mime !== 'image/jpg'));

/** Bedrock's format for a MIME type (parameters such as `; charset=utf-8` ignored), or `undefined`. */
export function mediaFormatOf(mimeType: string): MediaFormat | undefined {
  const bare = mimeType.split(';')[0]!.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(BY_MIME, bare) ? BY_MIME[bare] : undefined;
}

/** The MIME type of a file name's extension (`report.pdf` -> `application/pdf`), or `undefined`. */
export function mimeTypeOfFileName(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(MIME_BY_EXTENSION, extension) ? MIME_BY_EXTENSION[extension] : undefined;
}
