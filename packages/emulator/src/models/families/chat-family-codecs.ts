import type { ModelFamily } from '../model-family';
import { ai21J2Codec } from './ai21-j2';
import { ai21JambaCodec } from './ai21-jamba';
import { amazonNovaCodec } from './amazon-nova';
import { anthropicCodec } from './anthropic';
import type { ChatFamilyCodec } from './chat-family-codec';
import { chatCompletionsCodec } from './chat-completions';
import { cohereCommandCodec } from './cohere-command';
import { cohereCommandRCodec } from './cohere-command-r';
import { deepSeekR1Codec } from './deepseek-r1';
import { metaLlamaCodec } from './meta-llama';
import { mistralCodec } from './mistral';
import { titanTextCodec } from './titan-text';

/** The InvokeModel codec of each chat family. */
export const CHAT_FAMILY_CODECS: Partial<Record<ModelFamily, ChatFamilyCodec>> = {
  anthropic: anthropicCodec,
  'amazon-titan-text': titanTextCodec,
  'amazon-nova': amazonNovaCodec,
  meta: metaLlamaCodec,
  mistral: mistralCodec,
  'cohere-command': cohereCommandCodec,
  'cohere-command-r': cohereCommandRCodec,
  'ai21-jamba': ai21JambaCodec,
  'ai21-j2': ai21J2Codec,
  'deepseek-r1': deepSeekR1Codec,
  // Output limits from the Bedrock model cards (gpt-oss 128K context; Qwen3 and DeepSeek V3.x at most 32K out).
  'deepseek-v3': chatCompletionsCodec({ reasoning: 'none', maxOutputTokens: 32_768 }),
  'openai-gpt-oss': chatCompletionsCodec({ reasoning: 'tags', maxOutputTokens: 128_000 }),
  qwen: chatCompletionsCodec({ reasoning: 'none', maxOutputTokens: 32_768 }),
};
