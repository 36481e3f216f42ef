/** The `search_type` options: `DEFAULT` lets Bedrock choose (the field is left out), the others set `overrideSearchType`. */
export const SEARCH_TYPES = ['DEFAULT', 'HYBRID', 'SEMANTIC'] as const;

/** One of {@link SEARCH_TYPES}. */
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Bedrock's `numberOfResults` range (1 to 100) and the component's default (5, as Langflow's and Dynamiq's KB nodes). */
export const MIN_NUMBER_OF_RESULTS = 1;
export const MAX_NUMBER_OF_RESULTS = 100;
export const DEFAULT_NUMBER_OF_RESULTS = 5;
