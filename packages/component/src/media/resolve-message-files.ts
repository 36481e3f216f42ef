import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ComponentValidationError } from '../validation/component-validation-error';
import type { ValidationIssue } from '../validation/validation-issue';
import { BEDROCK_MEDIA_LIMITS, formatMegabytes } from './bedrock-media-limits';
import { decodeBase64, parseDataUrl } from './decode-base64';
import { bedrockDocumentName } from './document-name';
import { FilePathRefusal, resolveAllowedFile } from './file-roots';
import { readImageHeader } from './image-header';
import { mediaFormatOf, mimeTypeOfFileName, SUPPORTED_MEDIA_TYPES, type MediaKind } from './media-formats';
import type { MessageFileInput } from './message-file';
import type { ResolvedFile } from './resolved-file';

/** Options of {@link resolveMessageFiles}. */
export interface ResolveMessageFilesOptions {
  /** Component name the validation error names. */
  component: string;
  /** Prefix of the validation error's message. Default `Invalid inputs for <component>: `. */
  prefix?: string;
  /** Directories a file path may point into (`ComponentContext.fileRoots`). Default none: paths are refused. */
  fileRoots?: readonly string[] | undefined;
  /** The message's text is not empty (Bedrock needs a text block beside a document). */
  hasText: boolean;
  /** Kinds the model takes, and why not when it does not (e.g. documents on an InvokeModel family). Default both. */
  accepts?: Partial<Record<MediaKind, string>> & { only?: readonly MediaKind[]; documentFormats?: readonly string[] };
}

const ALLOWED_FILE =
  `{ name?, mime_type, data } with base64 data or bytes, a base64 data: URL, or a path inside the directories the host allows; ` +
  `types: ${SUPPORTED_MEDIA_TYPES.join(', ')}`;

interface Source {
  mimeType: string | undefined;
  name: string | undefined;
  bytes?: Uint8Array;
  path?: string;
}

function sourceOf(file: MessageFileInput): Source | string {
  if (typeof file === 'string') {
    if (file.startsWith('data:')) {
      const parsed = parseDataUrl(file);
      if (!parsed) return 'is a data: URL that is not base64 (only base64 data URLs are accepted)';
      const bytes = decodeBase64(parsed.base64);
      if (!bytes) return 'is a data: URL whose data is not valid base64';
      return { mimeType: parsed.mimeType || undefined, name: undefined, bytes };
    }
    return { mimeType: undefined, name: undefined, path: file };
  }
  if (file instanceof Uint8Array) {
    // Bare bytes (a Node-RED Buffer) say what they are only by their header: an image header or a PDF's `%PDF-`.
    const mimeType = sniffMimeType(file);
    if (!mimeType) return 'is bytes of a type that cannot be told from the bytes (give { mime_type, data })';
    return { mimeType, name: undefined, bytes: file };
  }
  if (file === null || typeof file !== 'object' || Array.isArray(file)) return 'is not a file';
  const name = typeof file.name === 'string' && file.name !== '' ? file.name : undefined;
  const mimeType = typeof file.mime_type === 'string' && file.mime_type !== '' ? file.mime_type : undefined;
  if (file.data !== undefined && file.data !== null) {
    if (file.data instanceof Uint8Array) return { mimeType, name, bytes: file.data };
    if (typeof file.data !== 'string') return 'has data that is neither base64 text nor bytes';
    const bytes = decodeBase64(file.data);
    if (!bytes) return 'has data that is not valid base64';
    return { mimeType, name, bytes };
  }
  if (typeof file.path === 'string' && file.path !== '') return { mimeType, name, path: file.path };
  return 'has neither data nor path';
}

/** The MIME type of bare bytes: an image read from its header (png, jpeg, gif, webp) or a PDF; else `undefined`. */
function sniffMimeType(bytes: Uint8Array): string | undefined {
  const image = readImageHeader(bytes);
  if (image && ['png', 'jpeg', 'gif', 'webp'].includes(image.format)) return `image/${image.format}`;
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}

function sizeProblem(kind: MediaKind, bytes: number): string | undefined {
  const limit = kind === 'image' ? BEDROCK_MEDIA_LIMITS.maxImageBytes : BEDROCK_MEDIA_LIMITS.maxDocumentBytes;
  if (bytes === 0) return `is an empty ${kind}`;
  if (bytes > limit) return `is a ${formatMegabytes(bytes)} ${kind}; Bedrock takes ${kind}s up to ${formatMegabytes(limit)}`;
  return undefined;
}

async function resolveOne(file: MessageFileInput, index: number, options: ResolveMessageFilesOptions): Promise<ResolvedFile | string> {
  const source = sourceOf(file);
  if (typeof source === 'string') return source;
  // A path is judged first: whether the flow may name it at all comes before what it names.
  const allowed = source.path === undefined ? undefined : await resolveAllowedFile(source.path, options.fileRoots);
  if (allowed instanceof FilePathRefusal) return allowed.problem;
  const mimeType = source.mimeType ?? mimeTypeOfFileName(source.name ?? source.path ?? '');
  if (!mimeType) return 'has no mime_type and no file name extension to tell its type';
  const format = mediaFormatOf(mimeType);
  if (!format) return `has type ${JSON.stringify(mimeType.slice(0, 80))}, which Bedrock does not take as an image or document`;
  const only = options.accepts?.only;
  if (only && !only.includes(format.kind)) return options.accepts?.[format.kind] ?? `is a ${format.kind}, which this model does not take`;
  const documentFormats = options.accepts?.documentFormats;
  if (format.kind === 'document' && documentFormats && !documentFormats.includes(format.format)) {
    return `is a ${format.format} document; this model takes ${documentFormats.join(', ')} documents only`;
  }
  let bytes = source.bytes;
  let name = source.name;
  if (allowed !== undefined && source.path !== undefined) {
    // Checked before reading: an oversize file is never loaded.
    const tooBig = sizeProblem(format.kind, allowed.size);
    if (tooBig) return tooBig;
    bytes = new Uint8Array(await readFile(allowed.realPath));
    name ??= basename(source.path);
  }
  if (!bytes) return 'has no data';
  const tooBig = sizeProblem(format.kind, bytes.byteLength);
  if (tooBig) return tooBig;
  const resolved: ResolvedFile = { index, kind: format.kind, format: format.format, mimeType, name, bytes };
  if (format.kind === 'image') {
    const header = readImageHeader(bytes);
    if (!header) return `is not a readable ${format.format} image`;
    if (header.format !== format.format) return `says ${format.format} but its bytes are a ${header.format} image`;
    const max = BEDROCK_MEDIA_LIMITS.maxImagePixels;
    if (header.width > max || header.height > max) return `is ${header.width}x${header.height} px; Bedrock takes images up to ${max}x${max} px`;
    resolved.width = header.width;
    resolved.height = header.height;
  } else {
    resolved.name = bedrockDocumentName(name, index);
  }
  return resolved;
}

/** Gives documents that ended with the same name ` (2)`, ` (3)`…: Bedrock tells documents apart by name. */
function uniqueNames(files: ResolvedFile[]): void {
  const seen = new Map<string, number>();
  for (const file of files) {
    if (file.kind !== 'document' || file.name === undefined) continue;
    const count = (seen.get(file.name) ?? 0) + 1;
    seen.set(file.name, count);
    if (count > 1) file.name = `${file.name.slice(0, BEDROCK_MEDIA_LIMITS.maxDocumentNameLength - 4)} (${count})`;
  }
}

/**
 * Checks and reads the files of a message against Bedrock's rules before any call: type (png, jpeg, gif, webp
 * images; pdf, csv, doc, docx, xls, xlsx, html, txt, md documents), base64, size (3.75 MB an image, 4.5 MB a
 * document), image pixel size (8000 px a side, read from the header) and header-vs-type agreement, counts (20
 * images, 5 documents), a text beside documents, and file paths inside the allowed directories only. Throws ONE
 * `ComponentValidationError` naming every bad `input_value.files[i]`; unknown types are errors, never dropped.
 */
export async function resolveMessageFiles(files: readonly MessageFileInput[], options: ResolveMessageFilesOptions): Promise<ResolvedFile[]> {
  const issues: ValidationIssue[] = [];
  const resolved: ResolvedFile[] = [];
  for (let index = 0; index < files.length; index += 1) {
    const result = await resolveOne(files[index]!, index, options);
    if (typeof result === 'string') issues.push({ field: `input_value.files[${index}]`, problem: result, allowed: ALLOWED_FILE });
    else resolved.push(result);
  }
  const images = resolved.filter((f) => f.kind === 'image').length;
  const documents = resolved.length - images;
  if (images > BEDROCK_MEDIA_LIMITS.maxImages) {
    issues.push({ field: 'input_value.files', problem: `has ${images} images`, allowed: `at most ${BEDROCK_MEDIA_LIMITS.maxImages} images in one message` });
  }
  if (documents > BEDROCK_MEDIA_LIMITS.maxDocuments) {
    issues.push({ field: 'input_value.files', problem: `has ${documents} documents`, allowed: `at most ${BEDROCK_MEDIA_LIMITS.maxDocuments} documents in one message` });
  }
  if (documents > 0 && !options.hasText) {
    issues.push({ field: 'input_value', problem: 'has documents but no text', allowed: 'a text beside documents (Bedrock needs a text block in a message with a document)' });
  }
  if (issues.length > 0) throw new ComponentValidationError(options.component, issues, options.prefix !== undefined ? { prefix: options.prefix } : {});
  uniqueNames(resolved);
  return resolved;
}
