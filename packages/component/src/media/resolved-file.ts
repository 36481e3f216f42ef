import type { MediaKind } from './media-formats';

/** A message file checked against Bedrock's rules and read: what the adapters turn into their blocks. */
export interface ResolvedFile {
  /** Position in `input_value.files`. */
  index: number;
  kind: MediaKind;
  /** Bedrock's format (`png`, `pdf`, …). */
  format: string;
  /** The MIME type. */
  mimeType: string;
  /** Documents: the name Bedrock accepts (see `bedrockDocumentName`); images: the file name given, if any. */
  name: string | undefined;
  bytes: Uint8Array;
  /** Images: pixel size read from the header. */
  width?: number;
  height?: number;
}

/** What the response metadata says about a sent file (no bytes). */
export function describeResolvedFile(file: ResolvedFile): Record<string, unknown> {
  return {
    index: file.index,
    kind: file.kind,
    format: file.format,
    bytes: file.bytes.byteLength,
    ...(file.name !== undefined ? { name: file.name } : {}),
    ...(file.width !== undefined ? { width: file.width, height: file.height } : {}),
  };
}
