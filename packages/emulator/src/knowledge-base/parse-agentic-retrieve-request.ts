import { validationError } from '../errors/bedrock-error';
import { asObject, optionalNumber, required, requiredString } from '../models/validate-fields';
import { MAX_NUMBER_OF_RESULTS } from './parse-retrieval-configuration';
import { parseMetadataFilter, type MetadataFilter } from './metadata-filter';

// AgenticRetrieveStream's request, as the Bedrock API reference describes it
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent-runtime_AgenticRetrieveStream.html).

/** One knowledge base the agent may retrieve from (`retrievers[].configuration.knowledgeBase`). */
export interface AgenticRetrieverSpec {
  knowledgeBaseId: string;
  description: string | undefined;
  /** `retrievalOverrides.maxNumberOfResults`; `undefined`: Bedrock's default. */
  maxNumberOfResults: number | undefined;
  filter: MetadataFilter | undefined;
}

/** The request, validated. */
export interface AgenticRetrieveRequest {
  /** The text of the last `user` message: the query the agent plans from. */
  query: string;
  retrievers: AgenticRetrieverSpec[];
  foundationModel: 'MANAGED' | { modelArn: string };
  reranking: 'MANAGED' | 'NONE' | { modelArn: string } | undefined;
  maxAgentIteration: number | undefined;
  generateResponse: boolean;
}

const ROLES = ['user', 'assistant'];
const KNOWLEDGE_BASE_ID = /^[0-9a-zA-Z]{1,10}$/;
// A model id, a foundation-model or inference-profile ARN (Bedrock's modelArn pattern, loosely), as RetrieveAndGenerate.
const MODEL_ARN = /^(arn:aws(-[^:]{1,12})?:(bedrock|sagemaker):[a-z0-9-]{1,20}:([0-9]{12})?:([a-z-]+\/)?)?[a-zA-Z0-9.:/-]{1,200}$/;
const RERANKING_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}::foundation-model\/.+$/;
/** Members the emulator does not serve: refused by name rather than ignored. */
const NOT_SERVED = ['memoryConfiguration', 'retrievalInstructionConfiguration'];

function enumError(value: unknown, path: string, allowed: readonly string[]): Error {
  return validationError(`1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

function list(value: unknown, path: string): unknown[] {
  const items = required(value, path);
  if (!Array.isArray(items)) throw validationError(`1 validation error detected: Value at '${path}' failed to satisfy constraint: Member must be a list`);
  if (items.length === 0) throw validationError(`1 validation error detected: Value '[]' at '${path}' failed to satisfy constraint: Member must have length greater than or equal to 1`);
  return items;
}

function parseQuery(value: unknown): string {
  let query: string | undefined;
  for (const [i, item] of list(value, 'messages').entries()) {
    const message = asObject(item, `messages.${i + 1}.member`);
    const role = requiredString(message['role'], `messages.${i + 1}.member.role`);
    if (!ROLES.includes(role)) throw enumError(role, `messages.${i + 1}.member.role`, ROLES);
    const content = asObject(required(message['content'], `messages.${i + 1}.member.content`), `messages.${i + 1}.member.content`);
    const text = requiredString(content['text'], `messages.${i + 1}.member.content.text`);
    if (text.length === 0) throw validationError(`1 validation error detected: Value at 'messages.${i + 1}.member.content.text' failed to satisfy constraint: Member must have length greater than or equal to 1`);
    if (role === 'user') query = text;
  }
  if (query === undefined) throw validationError('messages must contain a user message.');
  return query;
}

function parseRetrievers(value: unknown): AgenticRetrieverSpec[] {
  return list(value, 'retrievers').map((item, i) => {
    const at = `retrievers.${i + 1}.member`;
    const retriever = asObject(item, at);
    const description = retriever['description'];
    if (description !== undefined && typeof description !== 'string') throw validationError(`1 validation error detected: Value at '${at}.description' failed to satisfy constraint: Member must be a string`);
    const configuration = asObject(required(retriever['configuration'], `${at}.configuration`), `${at}.configuration`);
    const members = Object.keys(configuration);
    // A union: exactly one member, and `knowledgeBase` is the only one this SDK knows.
    if (members.length !== 1 || members[0] !== 'knowledgeBase') {
      throw validationError(`1 validation error detected: Value at '${at}.configuration' failed to satisfy constraint: Member must set exactly one of [knowledgeBase]`);
    }
    const kb = asObject(configuration['knowledgeBase'], `${at}.configuration.knowledgeBase`);
    const knowledgeBaseId = requiredString(kb['knowledgeBaseId'], `${at}.configuration.knowledgeBase.knowledgeBaseId`);
    if (!KNOWLEDGE_BASE_ID.test(knowledgeBaseId)) {
      throw validationError(`1 validation error detected: Value '${knowledgeBaseId.slice(0, 40)}' at '${at}.configuration.knowledgeBase.knowledgeBaseId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-zA-Z]{1,10}`);
    }
    const overridesAt = `${at}.configuration.knowledgeBase.retrievalOverrides`;
    const overrides = kb['retrievalOverrides'] === undefined ? {} : asObject(kb['retrievalOverrides'], overridesAt);
    return {
      knowledgeBaseId,
      description,
      maxNumberOfResults: optionalNumber(overrides['maxNumberOfResults'], `${overridesAt}.maxNumberOfResults`, 1, MAX_NUMBER_OF_RESULTS, true),
      filter: overrides['filter'] === undefined ? undefined : parseMetadataFilter(overrides['filter'], `${overridesAt}.filter`),
    };
  });
}

function modelArnAt(value: unknown, path: string, pattern: RegExp): string {
  const arn = requiredString(asObject(required(value, path), path)['modelArn'], `${path}.modelArn`);
  if (!pattern.test(arn)) throw validationError(`1 validation error detected: Value '${arn.slice(0, 200)}' at '${path}.modelArn' failed to satisfy constraint: Member must satisfy regular expression pattern`);
  return arn;
}

function parseConfiguration(value: unknown): Pick<AgenticRetrieveRequest, 'foundationModel' | 'reranking' | 'maxAgentIteration'> {
  const at = 'agenticRetrieveConfiguration';
  const config = asObject(required(value, at), at);
  const modelType = config['foundationModelType'] ?? 'MANAGED';
  if (modelType !== 'MANAGED' && modelType !== 'CUSTOM') throw enumError(modelType, `${at}.foundationModelType`, ['CUSTOM', 'MANAGED']);
  let foundationModel: AgenticRetrieveRequest['foundationModel'] = 'MANAGED';
  if (modelType === 'CUSTOM') {
    const fmAt = `${at}.foundationModelConfiguration`;
    const fm = asObject(required(config['foundationModelConfiguration'], fmAt), fmAt);
    if (fm['type'] !== 'BEDROCK_FOUNDATION_MODEL' && fm['type'] !== 'MANTLE_FOUNDATION_MODEL') throw enumError(fm['type'], `${fmAt}.type`, ['BEDROCK_FOUNDATION_MODEL', 'MANTLE_FOUNDATION_MODEL']);
    if (fm['type'] !== 'BEDROCK_FOUNDATION_MODEL') throw validationError('The emulator serves foundationModelConfiguration.type BEDROCK_FOUNDATION_MODEL only.');
    const bedrockAt = `${fmAt}.bedrockFoundationModelConfiguration`;
    foundationModel = { modelArn: modelArnAt(asObject(required(fm['bedrockFoundationModelConfiguration'], bedrockAt), bedrockAt)['modelConfiguration'], `${bedrockAt}.modelConfiguration`, MODEL_ARN) };
  }
  const rerankType = config['rerankingModelType'];
  let reranking: AgenticRetrieveRequest['reranking'];
  if (rerankType !== undefined) {
    if (rerankType !== 'CUSTOM' && rerankType !== 'MANAGED' && rerankType !== 'NONE') throw enumError(rerankType, `${at}.rerankingModelType`, ['CUSTOM', 'MANAGED', 'NONE']);
    if (rerankType !== 'CUSTOM') reranking = rerankType;
    else {
      const rrAt = `${at}.rerankingConfiguration`;
      const rr = asObject(required(config['rerankingConfiguration'], rrAt), rrAt);
      if (rr['type'] !== 'BEDROCK_RERANKING_MODEL') throw enumError(rr['type'], `${rrAt}.type`, ['BEDROCK_RERANKING_MODEL']);
      const bedrockAt = `${rrAt}.bedrockRerankingConfiguration`;
      reranking = { modelArn: modelArnAt(asObject(required(rr['bedrockRerankingConfiguration'], bedrockAt), bedrockAt)['modelConfiguration'], `${bedrockAt}.modelConfiguration`, RERANKING_ARN) };
    }
  }
  // The API reference gives a minimum of 2 and no maximum.
  const maxAgentIteration = optionalNumber(config['maxAgentIteration'], `${at}.maxAgentIteration`, 2, Number.MAX_SAFE_INTEGER, true);
  return { foundationModel, reranking, maxAgentIteration };
}

/**
 * Reads an AgenticRetrieveStream body as Bedrock validates it: `messages` (1 or more, role `user` or `assistant`,
 * non-empty text; the last user message is the query), `retrievers` (1 or more, each a `knowledgeBase` with a
 * 1-to-10-character id, `retrievalOverrides.maxNumberOfResults` 1 to 100 and a `RetrievalFilter`),
 * `agenticRetrieveConfiguration` (required; `foundationModelType` MANAGED or CUSTOM with a model ARN,
 * `rerankingModelType` MANAGED, NONE or CUSTOM with a reranking model ARN, `maxAgentIteration` 2 or more) and
 * `generateResponse` (boolean, default true). A `nextToken` the emulator never issued, and the AgentCore memory and
 * retrieval-instruction members it does not serve, are ValidationExceptions.
 */
export function parseAgenticRetrieveRequest(body: Record<string, unknown>): AgenticRetrieveRequest {
  const query = parseQuery(body['messages']);
  const retrievers = parseRetrievers(body['retrievers']);
  const configuration = parseConfiguration(body['agenticRetrieveConfiguration']);
  const generateResponse = body['generateResponse'] ?? true;
  if (typeof generateResponse !== 'boolean') throw validationError("1 validation error detected: Value at 'generateResponse' failed to satisfy constraint: Member must be a boolean");
  if (body['policyConfiguration'] !== undefined) {
    const policy = asObject(body['policyConfiguration'], 'policyConfiguration');
    if (policy['bedrockGuardrailConfiguration'] !== undefined) {
      const guardrail = asObject(policy['bedrockGuardrailConfiguration'], 'policyConfiguration.bedrockGuardrailConfiguration');
      requiredString(guardrail['guardrailId'], 'policyConfiguration.bedrockGuardrailConfiguration.guardrailId');
      requiredString(guardrail['guardrailVersion'], 'policyConfiguration.bedrockGuardrailConfiguration.guardrailVersion');
    }
  }
  if (body['userContext'] !== undefined) requiredString(asObject(body['userContext'], 'userContext')['userId'], 'userContext.userId');
  const unserved = NOT_SERVED.find((key) => body[key] !== undefined);
  if (unserved) throw validationError(`The emulator does not serve ${unserved} (AgentCore Memory and retrieval instructions).`);
  if (body['nextToken'] !== undefined) throw validationError('The nextToken provided is invalid.');
  return { query, retrievers, ...configuration, generateResponse };
}
