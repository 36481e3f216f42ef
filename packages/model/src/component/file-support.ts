import type { ResolveMessageFilesOptions } from '@bedrock-flow/component';

/*
 * Which files each InvokeModel family takes through this component. Sources (read 2026-12-06):
 * - Anthropic Messages API on Bedrock: images (png, jpeg, gif, webp) and PDF / plain-text documents
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html);
 * - Amazon Nova (messages-v1): images and the Converse document formats
 *   (https://docs.aws.amazon.com/nova/latest/nova2-userguide/core-inference.html).
 * Llama 3.2 vision / Llama 4 (`images` beside an `<|image|>` prompt tag) and Mistral Pixtral (chat-completions
 * `image_url`) take images on Bedrock too, but their InvokeModel forms are not built here yet: the error says to use
 * the Converse component, which sends images to them.
 */
const CONVERSE_FOR_IMAGES = 'use the AmazonBedrockConverseModel component, which sends images to this model through Converse';

/** What `resolveMessageFiles` accepts for a family (see the sources above). */
export function fileSupportOf(family: string): NonNullable<ResolveMessageFilesOptions['accepts']> {
  switch (family) {
    case 'anthropic':
      return { documentFormats: ['pdf', 'txt'] };
    case 'amazon-nova':
      return {};
    case 'meta-llama':
    case 'mistral': {
      const problem = `is a file, but this component does not send files to ${family} models through InvokeModel yet; ${CONVERSE_FOR_IMAGES}`;
      return { only: [], image: problem, document: problem };
    }
    default: {
      const problem = `is a file, but ${family} models take no images or documents on Bedrock`;
      return { only: [], image: problem, document: problem };
    }
  }
}
