import { createHash } from 'node:crypto';
import type { ScriptedReply } from '../types';
import type { ChatRequest, GeneratedReply } from './chat-request';
import { countTokens, truncateToTokens } from './tokenizer';
import { toolInputFromSchema } from './tool-input-from-schema';
import { reasoningText } from './families/reasoning-text';

/** Prefix of the default echo reply: the reply is `Echo: <last user text>`. */
export const ECHO_PREFIX = 'Echo: ';

/** Input tokens of a chat request: tokens of the system text plus tokens of each turn's text. */
export function chatInputTokens(request: ChatRequest): number {
  return countTokens(request.system) + request.messages.reduce((n, m) => n + countTokens(m.text), 0);
}

/** A stable tool-use id derived from the call itself. */
function toolUseIdFor(name: string, input: unknown, seed: string): string {
  const digest = createHash('sha256').update(`${name}\0${JSON.stringify(input)}\0${seed}`).digest('base64url');
  return `tooluse_${digest.slice(0, 22)}`;
}

/** The earliest stop sequence occurring in `text`, and where. */
function firstStop(text: string, stops: string[]): { at: number; sequence: string } | undefined {
  let best: { at: number; sequence: string } | undefined;
  for (const sequence of stops) {
    if (!sequence) continue;
    const at = text.indexOf(sequence);
    if (at >= 0 && (!best || at < best.at)) best = { at, sequence };
  }
  return best;
}

/**
 * The deterministic model. A scripted reply wins; else a forced tool choice calls that tool with
 * an input built from its schema; else the reply is `Echo: <last user text>`. Then the text is cut
 * at the first stop sequence (`stop_sequence`) and to `maxTokens` (`max_tokens`).
 */
export function generateReply(request: ChatRequest, scripted?: ScriptedReply): GeneratedReply {
  let text: string;
  let toolUse: GeneratedReply['toolUse'];
  let stopReason: string;
  if (scripted) {
    text = scripted.text ?? (scripted.toolUse ? '' : `${ECHO_PREFIX}${request.lastUserText}`);
    if (scripted.toolUse) {
      const { name, input } = scripted.toolUse;
      toolUse = { name, input, toolUseId: scripted.toolUse.toolUseId ?? toolUseIdFor(name, input, request.lastUserText) };
    }
    stopReason = scripted.stopReason ?? (toolUse ? 'tool_use' : 'end_turn');
  } else if (request.toolChoice && request.toolChoice.type !== 'auto' && request.tools.length > 0) {
    const choice = request.toolChoice;
    const tool = (choice.type === 'tool' ? request.tools.find((t) => t.name === choice.name) : undefined) ?? request.tools[0]!;
    const input = toolInputFromSchema(tool.inputSchema, request.lastUserText);
    text = '';
    toolUse = { name: tool.name, input, toolUseId: toolUseIdFor(tool.name, input, request.lastUserText) };
    stopReason = 'tool_use';
  } else {
    text = `${ECHO_PREFIX}${request.lastUserText}${receivedMedia(request)}`;
    stopReason = 'end_turn';
  }

  let stopSequence: string | undefined;
  const stop = firstStop(text, request.stopSequences);
  if (stop) {
    text = text.slice(0, stop.at);
    stopReason = 'stop_sequence';
    stopSequence = stop.sequence;
    toolUse = undefined;
  }
  if (request.maxTokens !== undefined && countTokens(text) > request.maxTokens) {
    text = truncateToTokens(text, request.maxTokens);
    stopReason = 'max_tokens';
    stopSequence = undefined;
    toolUse = undefined;
  }
  const reasoning = request.reasoning?.enabled ? reasoningText(request) : undefined;
  const outputTokens = countTokens(text) + (toolUse ? countTokens(JSON.stringify(toolUse.input)) : 0) + (reasoning ? countTokens(reasoning) : 0);
  return {
    text,
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...(toolUse ? { toolUse } : {}),
    stopReason,
    ...(stopSequence !== undefined ? { stopSequence } : {}),
    inputTokens: chatInputTokens(request),
    outputTokens,
  };
}

/** ` [received image/png 64x64, document report.pdf]` for the last user turn's images and documents, else `''`. */
function receivedMedia(request: ChatRequest): string {
  for (let i = request.messages.length - 1; i >= 0; i -= 1) {
    const message = request.messages[i]!;
    if (message.role !== 'user') continue;
    return message.media && message.media.length > 0 ? ` [received ${message.media.join(', ')}]` : '';
  }
  return '';
}

/** Splits reply text into stream deltas: one word with its trailing whitespace each. */
export function splitIntoDeltas(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}
