import { z } from 'zod';
import { baseUi, createInputSpec, InputProblem, UNSET, type InputSpec } from '@bedrock-flow/component';
import { CONFIGURABLE_DIMENSIONS } from '../embeddings/bedrock-batched-embeddings';

type Size = (typeof CONFIGURABLE_DIMENSIONS)[number];

/**
 * `dimensions`: "Dimensions", a dropdown of every vector size a Bedrock embedding model takes (256, 384, 512, 1024,
 * 1536, 3072), default 1024, advanced. Accepts the number or its text (hosts send tweaks as text). Sent as Titan v2
 * `dimensions`, Cohere v4 `output_dimension`, Titan multimodal `outputEmbeddingLength` or Nova `embeddingDimension`;
 * the build checks it against the chosen model's own sizes. Ignored by the fixed-size models (Titan v1, Cohere v3).
 */
export function dimensionsInput(): InputSpec<number> {
  const ui = baseUi({
    displayName: 'Dimensions',
    info:
      'Size of the returned vectors, for the models that take one: Titan Text Embeddings v2 (256, 512, 1024), ' +
      'Cohere Embed v4 (256, 512, 1024, 1536), Titan Multimodal Embeddings (256, 384, 1024), ' +
      'Nova Multimodal Embeddings (256, 384, 1024, 3072). Ignored by Titan v1 and Cohere v3.',
    advanced: true,
  });
  ui.options = CONFIGURABLE_DIMENSIONS.map(String);
  ui.combobox = false;
  return createInputSpec<number>({
    kind: 'DropdownInput',
    ui,
    defaultValue: 1024,
    // The number, or its text as the dropdown lists it (Langflow options are strings): the manifest's schema must
    // accept every listed option. `normalize` turns the text into the number before this schema runs.
    schema: z.union(CONFIGURABLE_DIMENSIONS.flatMap((size) => [z.literal(size), z.literal(String(size))]) as unknown as [z.ZodLiteral<Size>, z.ZodLiteral<Size>, ...z.ZodLiteral<Size>[]]),
    allowed: '256, 384, 512, 1024, 1536 or 3072 (each model takes a subset)',
    unsetValue: 1024,
    normalize: (raw) => {
      if (raw === null || raw === '') return UNSET;
      if (typeof raw === 'string') return /^\s*\d+\s*$/.test(raw) ? Number(raw) : new InputProblem('is not a number');
      return raw;
    },
  });
}
