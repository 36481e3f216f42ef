import { z } from 'zod';
import { baseUi, createInputSpec, InputProblem, UNSET } from './create-input-spec';
import type { BaseInputOptions, InputSpec } from './input-spec';
import type { ChatInputValue, MessageFileInput } from '../media/message-file';

/** Options of the text input builders. */
export interface TextInputOptions extends BaseInputOptions {
  /** Default text. Default none (unset). */
  default?: string;
  /** Extra schema the text must satisfy (e.g. a pattern). Default any string. */
  schema?: z.ZodType<string>;
  /** What the input accepts, in words. Default `a string`. */
  allowed?: string;
  /** Types of upstream outputs that may connect. Default `['Message']` for message inputs, none otherwise. */
  inputTypes?: readonly string[];
}

function textSpec(kind: 'MessageTextInput' | 'MultilineInput' | 'StrInput', options: TextInputOptions, extraUi: { multiline?: boolean; inputTypes?: readonly string[] }): InputSpec<string | undefined> {
  const ui = baseUi(options);
  if (extraUi.multiline) ui.multiline = true;
  if (extraUi.inputTypes) ui.inputTypes = extraUi.inputTypes;
  return createInputSpec<string | undefined>({
    kind,
    ui,
    defaultValue: options.default,
    schema: options.schema ?? z.string(),
    allowed: options.allowed ?? 'a string',
    // "" is a real text value (Langflow's system_message default); only null unsets.
    normalize: (raw) => (raw === null ? UNSET : raw),
  });
}

/** A one-line text field that also accepts a connected Message (Langflow `MessageTextInput`). Value: `string | undefined`. */
export function messageTextInput(options: TextInputOptions): InputSpec<string | undefined> {
  return textSpec('MessageTextInput', options, { inputTypes: options.inputTypes ?? ['Message'] });
}

/** A multi-line text area (Langflow `MultilineInput`). Value: `string | undefined`. */
export function multilineInput(options: TextInputOptions): InputSpec<string | undefined> {
  return textSpec('MultilineInput', options, { multiline: true, inputTypes: options.inputTypes ?? ['Message'] });
}

/** A plain string field (Langflow `StrInput`). Value: `string | undefined`. */
export function strInput(options: TextInputOptions): InputSpec<string | undefined> {
  return textSpec('StrInput', options, options.inputTypes ? { inputTypes: options.inputTypes } : {});
}

/** The files of a Langflow-style message, when it has any (a list), or a problem. */
function messageFiles(raw: Record<string, unknown>): readonly MessageFileInput[] | undefined | InputProblem {
  const files = raw['files'];
  if (files === undefined || files === null) return undefined;
  if (!Array.isArray(files)) return new InputProblem('has files that are not a list');
  return files.length > 0 ? (files as MessageFileInput[]) : undefined;
}

/**
 * A chat message input (Langflow `MessageInput`): a string, a Langflow-style `{ text, files? }` message or a LangChain
 * message with string `content`. Value: the message text, or `{ text, files }` when files are attached (each file is
 * checked when the message is sent: see `resolveMessageFiles`).
 */
export function messageInput(options: BaseInputOptions & { inputTypes?: readonly string[] }): InputSpec<ChatInputValue | undefined> {
  const ui = baseUi(options);
  ui.inputTypes = options.inputTypes ?? ['Message'];
  return createInputSpec<ChatInputValue | undefined>({
    kind: 'MessageInput',
    ui,
    schema: z.union([z.string(), z.object({ text: z.string(), files: z.array(z.unknown()) })]),
    allowed: 'a string or a message with text (and files)',
    normalize: (raw) => {
      if (raw === null || raw === '') return UNSET;
      if (typeof raw === 'string') return raw;
      if (typeof raw === 'object' && !Array.isArray(raw)) {
        const message = raw as { text?: unknown; content?: unknown };
        const files = messageFiles(raw as Record<string, unknown>);
        if (files instanceof InputProblem) return files;
        const text = typeof message.text === 'string' ? message.text : typeof message.content === 'string' ? message.content : undefined;
        if (files) return { text: text ?? '', files };
        if (text !== undefined) return text;
      }
      return new InputProblem('is not text or a message with text');
    },
  });
}
