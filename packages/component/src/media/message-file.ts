/**
 * One file of a Langflow-style message `{ text, files }`: an object `{ name?, mime_type, data }` (`data` base64 text
 * or bytes), a `data:` URL, bare bytes (`Uint8Array` / `Buffer`: an image told by its header, or a PDF by `%PDF-`;
 * other bytes need a `mime_type`), or a path the host resolves inside the directories its operator allows
 * (`ComponentContext.fileRoots`).
 */
export type MessageFileInput =
  | string
  | Uint8Array
  | {
      /** File name (documents: the name the model sees, made to follow Bedrock's rule). Default from the path or `document N`. */
      name?: string | undefined;
      /** MIME type (`image/png`, `application/pdf`, …). Default from the `path` extension. */
      mime_type?: string | undefined;
      /** Base64 text or bytes. */
      data?: string | Uint8Array | undefined;
      /** A path instead of `data`, resolved as a path string is. */
      path?: string | undefined;
    };

/**
 * A message with files: what `input_value` holds when files are attached. Upstream Langflow's `Message` keeps
 * `files` as paths under its storage directory (`<flow id>/<name>`) or `Image`s and its `to_lc_message` turns each
 * into an `image_url` data-URL block (`get_file_content_dicts`), images only; here documents become Converse
 * `document` blocks too, and a path is read only inside the host's `fileRoots`.
 */
export interface MessageWithFiles {
  text: string;
  files: readonly MessageFileInput[];
}

/** The value of a chat component's `input_value`: its text, or its text and files. */
export type ChatInputValue = string | MessageWithFiles;

/** The text of an `input_value`. */
export function inputText(value: ChatInputValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : value.text;
}

/** The files of an `input_value` (none for a plain string). */
export function inputFiles(value: ChatInputValue | undefined): readonly MessageFileInput[] {
  return value === undefined || typeof value === 'string' ? [] : value.files;
}
