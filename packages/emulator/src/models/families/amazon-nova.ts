import { validationError } from '../../errors/bedrock-error';
import type { ChatRequest } from '../chat-request';
import { converseContent, converseUsage } from '../converse/converse-response';
import { lastUserText, parseConverseMessages } from '../converse/parse-converse-request';
import { asObject, optionalNumber, optionalStrings } from '../validate-fields';
import type { ChatFamilyCodec } from './chat-family-codec';
import { streamPieces } from './stream-pieces';
import { parseReasoning } from '../converse/converse-reasoning';
import { reasoningSignature } from '../converse/converse-response';
import { splitIntoDeltas } from '../generate-reply';

function parseTools(body: Record<string, unknown>): Pick<ChatRequest, 'tools' | 'toolChoice'> {
  const config = body['toolConfig'] as { tools?: Array<{ toolSpec?: { name?: unknown; inputSchema?: { json?: unknown } } }>; toolChoice?: Record<string, unknown> } | undefined;
  const tools = (config?.tools ?? [])
    .filter((t) => typeof t?.toolSpec?.name === 'string')
    .map((t) => ({ name: t.toolSpec!.name as string, inputSchema: t.toolSpec!.inputSchema?.json }));
  const choice = config?.toolChoice;
  if (choice?.['any']) return { tools, toolChoice: { type: 'any' } };
  if (choice?.['tool']) return { tools, toolChoice: { type: 'tool', name: String((choice['tool'] as { name?: unknown }).name) } };
  return { tools };
}

/** Amazon Nova (`schemaVersion: messages-v1`): Converse-like body in and out. */
export const amazonNovaCodec: ChatFamilyCodec = {
  parse(body, ctx) {
    if (body['schemaVersion'] !== undefined && body['schemaVersion'] !== 'messages-v1') {
      throw validationError(`schemaVersion: must be "messages-v1", got ${JSON.stringify(body['schemaVersion'])}`);
    }
    const messages = parseConverseMessages(body['messages']);
    const config = body['inferenceConfig'] === undefined ? {} : asObject(body['inferenceConfig'], 'inferenceConfig');
    const maxTokens =
      optionalNumber(config['maxTokens'], 'inferenceConfig.maxTokens', 1, 10_000, true) ??
      optionalNumber(config['max_new_tokens'], 'inferenceConfig.max_new_tokens', 1, 10_000, true);
    const temperature = optionalNumber(config['temperature'], 'inferenceConfig.temperature', 0, 1);
    const topP = optionalNumber(config['topP'] ?? config['top_p'], 'inferenceConfig.topP', 0, 1);
    const topK = optionalNumber(config['topK'] ?? config['top_k'], 'inferenceConfig.topK', 0, 128, true);
    // Nova's own fields are top-level on InvokeModel (reasoningConfig among them).
    const reasoning = parseReasoning('amazon-nova', ctx.modelId, body, { maxTokens, temperature, topP, topK });
    const system = Array.isArray(body['system'])
      ? (body['system'] as Array<{ text?: unknown }>).filter((b) => typeof b?.text === 'string').map((b) => b.text as string).join('\n')
      : '';
    return {
      reasoning,
      system,
      messages,
      lastUserText: lastUserText(messages),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      stopSequences: optionalStrings(config['stopSequences'], 'inferenceConfig.stopSequences'),
      ...parseTools(body),
    };
  },
  response(reply) {
    return {
      output: { message: { role: 'assistant', content: converseContent(reply) } },
      stopReason: reply.stopReason,
      usage: { ...converseUsage(reply), cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 },
    };
  },
  chunks(reply) {
    const chunks: Array<Record<string, unknown>> = [{ messageStart: { role: 'assistant' } }];
    let index = 0;
    if (reply.reasoning) {
      for (const text of splitIntoDeltas(reply.reasoning)) chunks.push({ contentBlockDelta: { delta: { reasoningContent: { text } }, contentBlockIndex: index } });
      chunks.push({ contentBlockDelta: { delta: { reasoningContent: { signature: reasoningSignature(reply.reasoning) } }, contentBlockIndex: index } });
      chunks.push({ contentBlockStop: { contentBlockIndex: index } });
      index += 1;
    }
    if (reply.text || !reply.toolUse) {
      for (const piece of streamPieces(reply)) chunks.push({ contentBlockDelta: { delta: { text: piece.text }, contentBlockIndex: index } });
      chunks.push({ contentBlockStop: { contentBlockIndex: index } });
      index += 1;
    }
    if (reply.toolUse) {
      const { toolUseId, name, input } = reply.toolUse;
      chunks.push({ contentBlockStart: { start: { toolUse: { toolUseId, name } }, contentBlockIndex: index } });
      chunks.push({ contentBlockDelta: { delta: { toolUse: { input: JSON.stringify(input) } }, contentBlockIndex: index } });
      chunks.push({ contentBlockStop: { contentBlockIndex: index } });
    }
    chunks.push({ messageStop: { stopReason: reply.stopReason } });
    chunks.push({ metadata: { usage: { inputTokens: reply.inputTokens, outputTokens: reply.outputTokens }, metrics: {}, trace: {} } });
    return chunks;
  },
};
