import type { ModelFamily } from '../model-family';
import { ai21J2Codec } from './ai21-j2';
import { ai21JambaCodec } from './ai21-jamba';
import { amazonNovaCodec } from './amazon-nova';
import { anthropicCodec } from './anthropic';
import type { ChatFamilyCodec } from './chat-family-codec';
import { cohereCommandCodec } from './cohere-command';
import { cohereCommandRCodec } from './cohere-command-r';
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
};
