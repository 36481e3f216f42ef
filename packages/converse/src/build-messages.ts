import type { BaseMessage } from '@langchain/core/messages';
import { buildChatMessages, buildChatMessagesWithFiles, type ComponentContext, type ResolvedFile } from '@bedrock-flow/component';
import { COMPONENT_NAME } from './component-name';
import type { ConverseValues } from './converse-inputs';
import { VALIDATION_ERROR_PREFIX } from './errors/error-prefixes';

/**
 * `[SystemMessage?, HumanMessage]` from `system_message` and the text of `input_value`. An empty input is a
 * validation error (`ChatBedrockConverse validation error: …`) before any call (Converse needs a user turn).
 */
export function buildMessages(values: ConverseValues): BaseMessage[] {
  return buildChatMessages(values, { component: COMPONENT_NAME, prefix: VALIDATION_ERROR_PREFIX });
}

/**
 * As {@link buildMessages}, with the files of `input_value` (`{ text, files }`) as Converse `image` / `document` blocks
 * after the text, checked against Bedrock's limits first (paths only inside `ctx.fileRoots`). Returns the files sent.
 */
export function buildMessagesWithFiles(ctx: ComponentContext, values: ConverseValues): Promise<{ messages: BaseMessage[]; files: ResolvedFile[] }> {
  return buildChatMessagesWithFiles(values, { component: COMPONENT_NAME, prefix: VALIDATION_ERROR_PREFIX, fileRoots: ctx.fileRoots });
}
