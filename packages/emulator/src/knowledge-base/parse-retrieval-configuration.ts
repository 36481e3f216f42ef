import { validationError } from '../errors/bedrock-error';
import { asObject, optionalNumber } from '../models/validate-fields';
import type { SearchSettings } from './knowledge-base-store';
import { parseMetadataFilter } from './metadata-filter';

/** Bedrock's default `numberOfResults` when the request leaves it out. */
export const DEFAULT_NUMBER_OF_RESULTS = 5;
/** Bedrock's `numberOfResults` range. */
export const MAX_NUMBER_OF_RESULTS = 100;

const SEARCH_TYPES = ['HYBRID', 'SEMANTIC'] as const;

function parseReranking(value: unknown, path: string): SearchSettings['rerank'] {
  if (value === undefined || value === null) return undefined;
  const config = asObject(value, path);
  if (config['type'] !== 'BEDROCK_RERANKING_MODEL') {
    throw validationError(`1 validation error detected: Value '${String(config['type'])}' at '${path}.type' failed to satisfy constraint: Member must satisfy enum value set: [BEDROCK_RERANKING_MODEL]`);
  }
  const bedrock = asObject(config['bedrockRerankingConfiguration'], `${path}.bedrockRerankingConfiguration`);
  const model = asObject(bedrock['modelConfiguration'], `${path}.bedrockRerankingConfiguration.modelConfiguration`);
  if (typeof model['modelArn'] !== 'string' || !/^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model\/.+$/.test(model['modelArn'])) {
    throw validationError(`1 validation error detected: Value '${String(model['modelArn'])}' at '${path}.bedrockRerankingConfiguration.modelConfiguration.modelArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model/(.*)`);
  }
  const numberOfResults = optionalNumber(bedrock['numberOfRerankedResults'], `${path}.bedrockRerankingConfiguration.numberOfRerankedResults`, 1, MAX_NUMBER_OF_RESULTS, true);
  return { numberOfResults };
}

/**
 * Reads `retrievalConfiguration.vectorSearchConfiguration` as Bedrock validates it: `numberOfResults` an integer
 * 1 to 100 (default 5), `overrideSearchType` HYBRID or SEMANTIC, `filter` a `RetrievalFilter`, `rerankingConfiguration`
 * a Bedrock reranking model. Throws a ValidationException naming the path otherwise.
 */
export function parseRetrievalConfiguration(value: unknown, path: string): SearchSettings {
  if (value === undefined || value === null) return { numberOfResults: DEFAULT_NUMBER_OF_RESULTS, searchType: undefined, filter: undefined, rerank: undefined };
  const vector = asObject(asObject(value, path)['vectorSearchConfiguration'] ?? {}, `${path}.vectorSearchConfiguration`);
  const at = `${path}.vectorSearchConfiguration`;
  const numberOfResults = optionalNumber(vector['numberOfResults'], `${at}.numberOfResults`, 1, MAX_NUMBER_OF_RESULTS, true) ?? DEFAULT_NUMBER_OF_RESULTS;
  const searchType = vector['overrideSearchType'];
  if (searchType !== undefined && !(SEARCH_TYPES as readonly unknown[]).includes(searchType)) {
    throw validationError(`1 validation error detected: Value '${String(searchType)}' at '${at}.overrideSearchType' failed to satisfy constraint: Member must satisfy enum value set: [${SEARCH_TYPES.join(', ')}]`);
  }
  return {
    numberOfResults,
    searchType: searchType as SearchSettings['searchType'],
    filter: vector['filter'] === undefined ? undefined : parseMetadataFilter(vector['filter'], `${at}.filter`),
    rerank: parseReranking(vector['rerankingConfiguration'], `${at}.rerankingConfiguration`),
  };
}
