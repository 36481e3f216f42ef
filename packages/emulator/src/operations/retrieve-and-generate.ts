import { randomUUID } from 'node:crypto';
import { validationError } from '../errors/bedrock-error';
import { writeJson } from '../http/write-response';
import { parseRetrievalConfiguration } from '../knowledge-base/parse-retrieval-configuration';
import { retrievalResult } from '../knowledge-base/retrieval-result';
import { asObject, parseJsonBody, required, requiredString } from '../models/validate-fields';
import type { OperationContext } from './operation-context';
import { readQueryText } from './retrieve';

/** What Bedrock answers when no retrieved chunk supports an answer. */
export const NO_ANSWER_TEXT = 'Sorry, I am unable to assist you with this request.';

// A model id, a foundation-model or inference-profile ARN (Bedrock's modelArn pattern, loosely).
const MODEL_ARN = /^(arn:aws(-[^:]{1,12})?:(bedrock|sagemaker):[a-z0-9-]{1,20}:([0-9]{12})?:([a-z-]+\/)?)?[a-zA-Z0-9.:/-]{1,200}$/;

/**
 * RetrieveAndGenerate (`POST /retrieveAndGenerate`) with `type: KNOWLEDGE_BASE`: retrieves as Retrieve does and answers
 * deterministically with the best chunk's text, citing every retrieved chunk (`citations[0].retrievedReferences`).
 * `sessionId` is echoed, or a new one is made. `EXTERNAL_SOURCES` is a ValidationException here (the emulator has no
 * external sources).
 */
export async function handleRetrieveAndGenerate(ctx: OperationContext): Promise<void> {
  const body = parseJsonBody(ctx.body);
  const question = readQueryText(required(body['input'], 'input'), 'input');
  const config = asObject(required(body['retrieveAndGenerateConfiguration'], 'retrieveAndGenerateConfiguration'), 'retrieveAndGenerateConfiguration');
  const type = config['type'];
  if (type !== 'KNOWLEDGE_BASE' && type !== 'EXTERNAL_SOURCES') {
    throw validationError(`1 validation error detected: Value '${String(type)}' at 'retrieveAndGenerateConfiguration.type' failed to satisfy constraint: Member must satisfy enum value set: [KNOWLEDGE_BASE, EXTERNAL_SOURCES]`);
  }
  if (type !== 'KNOWLEDGE_BASE') throw validationError('The emulator serves retrieveAndGenerateConfiguration.type KNOWLEDGE_BASE only.');
  const kbPath = 'retrieveAndGenerateConfiguration.knowledgeBaseConfiguration';
  const kb = asObject(required(config['knowledgeBaseConfiguration'], kbPath), kbPath);
  const knowledgeBaseId = requiredString(kb['knowledgeBaseId'], `${kbPath}.knowledgeBaseId`);
  const modelArn = requiredString(kb['modelArn'], `${kbPath}.modelArn`);
  if (!MODEL_ARN.test(modelArn)) {
    throw validationError(`1 validation error detected: Value '${modelArn.slice(0, 200)}' at '${kbPath}.modelArn' failed to satisfy constraint: Member must satisfy regular expression pattern`);
  }
  const settings = parseRetrievalConfiguration(kb['retrievalConfiguration'], `${kbPath}.retrievalConfiguration`);
  const sessionId = body['sessionId'];
  if (sessionId !== undefined && (typeof sessionId !== 'string' || !/^[0-9a-zA-Z._:-]{2,100}$/.test(sessionId))) {
    throw validationError("1 validation error detected: Value at 'sessionId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-zA-Z._:-]+");
  }
  ctx.observe({ body, lastUserText: question });
  const chunks = ctx.knowledgeBases.search(knowledgeBaseId, question, settings);
  const text = chunks[0]?.text ?? NO_ANSWER_TEXT;
  writeJson(ctx.res, 200, ctx.requestId, {
    output: { text },
    citations:
      chunks.length === 0
        ? []
        : [
            {
              generatedResponsePart: { textResponsePart: { text, span: { start: 0, end: Math.max(0, text.length - 1) } } },
              retrievedReferences: chunks.map((chunk) => retrievalResult(chunk, false)),
            },
          ],
    sessionId: typeof sessionId === 'string' ? sessionId : randomUUID(),
  });
}
