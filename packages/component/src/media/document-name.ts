import { BEDROCK_MEDIA_LIMITS } from './bedrock-media-limits';

/*
 * Source: AWS, Bedrock API reference "DocumentBlock": "The name can only contain the following characters:
 * Alphanumeric characters, Whitespace characters (no more than one in a row), Hyphens, Parentheses, Square brackets"
 * and is 1 to 200 characters long. https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
 *
 * Decision: the name is derived, not rejected. A message file's name is a file name (`Q3 report.v2.pdf`) chosen for a
 * disk, not for Bedrock, and nearly every file name breaks the rule (the dot before the extension does). So the
 * extension is dropped, every run of other characters becomes one space, and the result is cut to 200 characters;
 * an empty result becomes `document N`. AWS also says the name is open to prompt injection and recommends a neutral
 * one: the name the model sees is reported back in the response metadata (`files`), so a flow can check it.
 */

/** One disallowed character or more (anything but ASCII letters and digits, whitespace, `-`, `(`, `)`, `[`, `]`). */
const DISALLOWED = /[^A-Za-z0-9\s\-()[\]]+/g;
const ALLOWED_NAME = /^[A-Za-z0-9\s\-()[\]]+$/;

/** The name Bedrock accepts for a document named `fileName` (see the decision above); `index` is 0-based. */
export function bedrockDocumentName(fileName: string | undefined, index: number): string {
  const base = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const cleaned = base.replace(DISALLOWED, ' ').replace(/\s+/g, ' ').trim().slice(0, BEDROCK_MEDIA_LIMITS.maxDocumentNameLength).trim();
  return cleaned || `document ${index + 1}`;
}

/** Whether `name` already follows Bedrock's document-name rule. */
export function isBedrockDocumentName(name: string): boolean {
  return name.length >= 1 && name.length <= BEDROCK_MEDIA_LIMITS.maxDocumentNameLength && ALLOWED_NAME.test(name) && !/\s\s/.test(name);
}
