import { z } from 'zod';
import { baseUi, createInputSpec, InputProblem, UNSET, type InputSpec } from '@bedrock-flow/component';
import { TITAN_V2_DIMENSIONS } from '../embeddings/bedrock-batched-embeddings';

/**
 * `dimensions`: "Dimensions", a dropdown of the Titan v2 vector sizes 256 / 512 / 1024, default 1024,
 * advanced. Accepts the number or its text (hosts send tweaks as text). Value: `256 | 512 | 1024`.
 */
export function dimensionsInput(): InputSpec<number> {
  const ui = baseUi({
    displayName: 'Dimensions',
    info: 'Titan Text Embeddings v2 only: size of the returned vectors. Ignored by the other models.',
    advanced: true,
  });
  ui.options = TITAN_V2_DIMENSIONS.map(String);
  ui.combobox = false;
  return createInputSpec<number>({
    kind: 'DropdownInput',
    ui,
    defaultValue: 1024,
    // The number, or its text as the dropdown lists it (Langflow options are strings): the manifest's schema must
    // accept every listed option. `normalize` turns the text into the number before this schema runs.
    schema: z.union(TITAN_V2_DIMENSIONS.flatMap((size) => [z.literal(size), z.literal(String(size))]) as [z.ZodLiteral<256>, ...z.ZodLiteral<256 | 512 | 1024 | '256' | '512' | '1024'>[]]),
    allowed: '256, 512 or 1024',
    unsetValue: 1024,
    normalize: (raw) => {
      if (raw === null || raw === '') return UNSET;
      if (typeof raw === 'string') return /^\s*\d+\s*$/.test(raw) ? Number(raw) : new InputProblem('is not a number');
      return raw;
    },
  });
}
