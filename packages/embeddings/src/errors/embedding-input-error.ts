import { BedrockFlowError } from '@bedrock-flow/bedrock-pool';

/** Why a text was refused before any request. */
export type EmbeddingInputProblem = 'not-a-string' | 'empty' | 'too-long';

const CODES = {
  'not-a-string': 'ERR_EMBEDDINGS_TEXT_NOT_STRING',
  empty: 'ERR_EMBEDDINGS_TEXT_EMPTY',
  'too-long': 'ERR_EMBEDDINGS_TEXT_TOO_LONG',
} as const;

/**
 * Thrown by `embedDocuments`/`embedQuery` when a text cannot be sent (not a string, empty, over the
 * model's character limit). Raised before any request of the call is sent.
 */
export class EmbeddingInputError extends BedrockFlowError {
  /** `ERR_EMBEDDINGS_TEXT_NOT_STRING`, `ERR_EMBEDDINGS_TEXT_EMPTY` or `ERR_EMBEDDINGS_TEXT_TOO_LONG`. */
  declare readonly code: (typeof CODES)[EmbeddingInputProblem];
  /** The offending input, e.g. `texts[3]`. */
  declare readonly field: string;
  /** Index of the offending text in the list passed to `embedDocuments` (0 for `embedQuery`). */
  readonly index: number;
  /** What was wrong. */
  readonly problem: EmbeddingInputProblem;

  constructor(index: number, problem: EmbeddingInputProblem, detail: string) {
    super(CODES[problem], `Cannot embed texts[${index}]: ${detail}`, { field: `texts[${index}]` });
    this.index = index;
    this.problem = problem;
  }
}
