import type { ResolveMessageFilesOptions } from '@bedrock-flow/component';

/*
 * Which files each InvokeModel family takes through this component. Sources (read 2026-12-06):
 * - Anthropic Messages API on Bedrock: images (png, jpeg, gif, webp) and PDF / plain-text documents
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html);
 * - Amazon Nova (messages-v1): images and the Converse document formats
 *   (https://docs.aws.amazon.com/nova/latest/nova2-userguide/core-inference.html).
 * - Llama 3.2 11B / 90B Vision and Llama 4: images, as `<|image|>` prompt tags and a base64 `images` list
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-meta.html);
 * - Mistral Pixtral Large: images, as chat `image_url` data-URL parts
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral.html).
 * Documents to those: refused (the Converse component sends documents to every model that reads them).
 */
const CONVERSE_FOR_DOCUMENTS = 'use the AmazonBedrockConverseModel component for documents';
const VISION_MODELS = /^(meta\.llama3-2-(11b|90b)|meta\.llama4|mistral\.pixtral)/;

/** What `resolveMessageFiles` accepts for a family and model (see the sources above). */
export function fileSupportOf(family: string, baseModelId = ''): NonNullable<ResolveMessageFilesOptions['accepts']> {
  switch (family) {
    case 'anthropic':
      return { documentFormats: ['pdf', 'txt'] };
    case 'amazon-nova':
      return {};
    case 'meta-llama':
    case 'mistral': {
      if (VISION_MODELS.test(baseModelId)) {
        return { only: ['image'], document: `is a document, but ${baseModelId} takes images only through InvokeModel; ${CONVERSE_FOR_DOCUMENTS}` };
      }
      const problem = `is a file, but ${baseModelId || family} takes no images or documents (the vision models are Llama 3.2 11B/90B Vision, Llama 4, Pixtral Large)`;
      return { only: [], image: problem, document: problem };
    }
    default: {
      const problem = `is a file, but ${family} models take no images or documents on Bedrock`;
      return { only: [], image: problem, document: problem };
    }
  }
}
