import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { converseContentBlock } from '../media/converse-content-blocks';
import { inputFiles, inputText, type ChatInputValue } from '../media/message-file';
import { resolveMessageFiles, type ResolveMessageFilesOptions } from '../media/resolve-message-files';
import type { ResolvedFile } from '../media/resolved-file';
import { ComponentValidationError } from '../validation/component-validation-error';

/** The inputs a chat message list is built from (Langflow's `input_value` and `system_message`). */
export interface ChatMessageValues {
  input_value?: ChatInputValue | undefined;
  system_message?: string | undefined;
}

/** Who reports an empty input: the component name and its validation message prefix (default none). */
export interface BuildChatMessagesOptions {
  /** Component name the validation error names. */
  component: string;
  /** Prefix of the validation error's message (e.g. `ChatBedrockConverse validation error: `). Default none. */
  prefix?: string;
}

function emptyInput(options: BuildChatMessagesOptions): ComponentValidationError {
  return new ComponentValidationError(
    options.component,
    [{ field: 'input_value', problem: 'is empty: the message you want to send to the model is empty', allowed: 'a non-empty message' }],
    options.prefix !== undefined ? { prefix: options.prefix } : {},
  );
}

function withSystem(values: ChatMessageValues, human: HumanMessage): BaseMessage[] {
  const messages: BaseMessage[] = [];
  if (values.system_message) messages.push(new SystemMessage(values.system_message));
  messages.push(human);
  return messages;
}

/**
 * `[SystemMessage?, HumanMessage]` from `system_message` and the text of `input_value` (files are not read here: see
 * {@link buildChatMessagesWithFiles}). An empty input is a `ComponentValidationError` on `input_value` before any call
 * (every Bedrock chat API needs a user turn).
 */
export function buildChatMessages(values: ChatMessageValues, options: BuildChatMessagesOptions): BaseMessage[] {
  const text = inputText(values.input_value);
  if (!text) throw emptyInput(options);
  return withSystem(values, new HumanMessage(text));
}

/** Options of {@link buildChatMessagesWithFiles}. */
export interface BuildChatMessagesWithFilesOptions extends BuildChatMessagesOptions {
  /** The directories file paths may point into (`ComponentContext.fileRoots`). Default none. */
  fileRoots?: readonly string[] | undefined;
  /** Which kinds the model takes (see `ResolveMessageFilesOptions.accepts`). Default images and documents. */
  accepts?: ResolveMessageFilesOptions['accepts'];
}

/**
 * As {@link buildChatMessages}, with the files of `input_value` checked against Bedrock's rules, read, and added to
 * the `HumanMessage` after its text as Converse `image` / `document` content blocks. Returns the messages and the
 * files sent. One `ComponentValidationError` for every bad file, before any call.
 */
export async function buildChatMessagesWithFiles(
  values: ChatMessageValues,
  options: BuildChatMessagesWithFilesOptions,
): Promise<{ messages: BaseMessage[]; files: ResolvedFile[] }> {
  const text = inputText(values.input_value);
  const files = inputFiles(values.input_value);
  if (files.length === 0) return { messages: buildChatMessages(values, options), files: [] };
  const resolved = await resolveMessageFiles(files, {
    component: options.component,
    ...(options.prefix !== undefined ? { prefix: options.prefix } : {}),
    fileRoots: options.fileRoots,
    hasText: text !== '',
    ...(options.accepts ? { accepts: options.accepts } : {}),
  });
  const content = [...(text ? [{ type: 'text', text }] : []), ...resolved.map(converseContentBlock)];
  return { messages: withSystem(values, new HumanMessage({ content: content as never })), files: resolved };
}
