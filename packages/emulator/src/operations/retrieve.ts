import { validationError } from '../errors/bedrock-error';
import { writeJson } from '../http/write-response';
import { parseRetrievalConfiguration } from '../knowledge-base/parse-retrieval-configuration';
import { retrievalResult } from '../knowledge-base/retrieval-result';
import { asObject, parseJsonBody, requiredString } from '../models/validate-fields';
import type { OperationContext } from './operation-context';

/** Bedrock's limit on `retrievalQuery.text`. */
const MAX_QUERY_LENGTH = 20_000;

/** Reads `retrievalQuery.text` (required, 1 to 20,000 characters) under `path`. */
export function readQueryText(value: unknown, path: string): string {
  const text = requiredString(asObject(value ?? null, path)['text'], `${path}.text`);
  if (text.length < 1 || text.length > MAX_QUERY_LENGTH) {
    throw validationError(`1 validation error detected: Value at '${path}.text' failed to satisfy constraint: Member must have length between 1 and ${MAX_QUERY_LENGTH}`);
  }
  return text;
}

/**
 * Retrieve (`POST /knowledgebases/{knowledgeBaseId}/retrieve`): `{retrievalQuery:{text}, retrievalConfiguration?,
 * nextToken?}` -> `{retrievalResults:[{content, location, metadata, score}]}`, best first. An unknown knowledge base is
 * a ResourceNotFoundException; every result fits in one page, so a `nextToken` the emulator never issued is a
 * ValidationException.
 */
export async function handleRetrieve(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  const knowledgeBaseId = ctx.modelId;
  if (body['retrievalQuery'] === undefined) requiredString(undefined, 'retrievalQuery');
  const query = readQueryText(body['retrievalQuery'], 'retrievalQuery');
  const settings = parseRetrievalConfiguration(body['retrievalConfiguration'], 'retrievalConfiguration');
  if (body['nextToken'] !== undefined) throw validationError('The nextToken provided is invalid.');
  ctx.observe({ body, lastUserText: query });
  const chunks = ctx.knowledgeBases.search(knowledgeBaseId, query, settings);
  writeJson(ctx.res, 200, ctx.requestId, { retrievalResults: chunks.map((chunk) => retrievalResult(chunk, true)) });
}
