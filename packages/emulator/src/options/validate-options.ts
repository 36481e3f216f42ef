import { EmulatorOptionsError } from '../errors/emulator-options-error';
import type { EmulatorOptions } from '../types';
import { describeValue, isRecord } from './describe-value';
import { checkFaultConfig } from './validate-fault-config';
import { OptionChecks } from './option-checks';
import { checkCatalog } from '../control-plane/check-catalog';

/** Every option `startEmulator` knows; anything else is a typo worth an error rather than a silent default. */
export const EMULATOR_OPTION_NAMES: readonly (keyof EmulatorOptions)[] = [
  'port',
  'tls',
  'rttMs',
  'auth',
  'credentials',
  'bearerTokens',
  'serverDelayMs',
  'streamChunkDelayMs',
  'faults',
  'proxy',
  'natIdleTimeoutMs',
  'control',
  'knowledgeBases',
  'catalog',
  'enforceInferenceProfiles',
];

function checkCredentials(checks: OptionChecks, value: unknown): void {
  const list = checks.array('credentials', value, '{ accessKeyId, secretAccessKey, sessionToken? } objects', true);
  for (const [i, item] of (list ?? []).entries()) {
    const field = `credentials[${i}]`;
    if (!isRecord(item)) {
      checks.add(field, `must be an object { accessKeyId, secretAccessKey, sessionToken? }, got ${describeValue(item)}`);
      continue;
    }
    checks.record(field, item, ['accessKeyId', 'secretAccessKey', 'sessionToken']);
    if (item['accessKeyId'] === undefined) checks.add(`${field}.accessKeyId`, 'is required (a non-empty string)');
    if (item['secretAccessKey'] === undefined) checks.add(`${field}.secretAccessKey`, 'is required (a non-empty string)');
    checks.string(`${field}.accessKeyId`, item['accessKeyId']);
    checks.string(`${field}.secretAccessKey`, item['secretAccessKey'], true);
    checks.string(`${field}.sessionToken`, item['sessionToken'], true);
  }
}

function checkBearerTokens(checks: OptionChecks, value: unknown): void {
  const list = checks.array('bearerTokens', value, 'non-empty strings', true);
  for (const [i, token] of (list ?? []).entries()) {
    checks.string(`bearerTokens[${i}]`, token, true);
  }
}

function checkKnowledgeBases(checks: OptionChecks, value: unknown): void {
  const list = checks.array('knowledgeBases', value, '{ knowledgeBaseId, documents } objects');
  const seen = new Set<unknown>();
  for (const [i, base] of (list ?? []).entries()) {
    const field = `knowledgeBases[${i}]`;
    if (!isRecord(base)) {
      checks.add(field, `must be an object { knowledgeBaseId, documents }, got ${describeValue(base)}`);
      continue;
    }
    checks.record(field, base, ['knowledgeBaseId', 'documents']);
    if (base['knowledgeBaseId'] === undefined) checks.add(`${field}.knowledgeBaseId`, 'is required (a non-empty string)');
    checks.string(`${field}.knowledgeBaseId`, base['knowledgeBaseId']);
    if (seen.has(base['knowledgeBaseId'])) checks.add(`${field}.knowledgeBaseId`, 'repeats an earlier knowledge base id');
    seen.add(base['knowledgeBaseId']);
    const docs = checks.array(`${field}.documents`, base['documents'] ?? [], '{ text, uri?, metadata? } objects');
    for (const [j, doc] of (docs ?? []).entries()) {
      const docField = `${field}.documents[${j}]`;
      if (!isRecord(doc)) {
        checks.add(docField, `must be an object { text, uri?, metadata? }, got ${describeValue(doc)}`);
        continue;
      }
      checks.record(docField, doc, ['text', 'uri', 'metadata']);
      if (doc['text'] === undefined) checks.add(`${docField}.text`, 'is required (a non-empty string)');
      checks.string(`${docField}.text`, doc['text']);
      checks.string(`${docField}.uri`, doc['uri']);
      const metadata = doc['metadata'];
      if (metadata === undefined) continue;
      if (!isRecord(metadata)) {
        checks.add(`${docField}.metadata`, `must be an object of strings, numbers, booleans or string lists, got ${describeValue(metadata)}`);
        continue;
      }
      for (const [key, item] of Object.entries(metadata)) {
        const ok = ['string', 'number', 'boolean'].includes(typeof item) || (Array.isArray(item) && item.every((x) => typeof x === 'string'));
        if (!ok) checks.add(`${docField}.metadata.${key}`, `must be a string, number, boolean or list of strings, got ${describeValue(item)}`);
      }
    }
  }
}

/**
 * Checks the shape, types and ranges of every option, and throws one {@link EmulatorOptionsError}
 * naming each bad field (what was wrong and what is allowed) before anything listens.
 */
export function validateEmulatorOptions(options: unknown): asserts options is EmulatorOptions {
  const checks = new OptionChecks();
  const record = checks.record('', options, EMULATOR_OPTION_NAMES);
  if (options !== undefined && !record) {
    throw EmulatorOptionsError.fromIssues([{ field: 'options', problem: `must be an object, got ${describeValue(options)}` }]);
  }
  if (record) {
    checks.number('port', record['port'], { min: 0, max: 65535, integer: true });
    checks.boolean('tls', record['tls']);
    checks.number('rttMs', record['rttMs']);
    checks.oneOf('auth', record['auth'], ['sigv4', 'none']);
    checkCredentials(checks, record['credentials']);
    checkBearerTokens(checks, record['bearerTokens']);
    checks.number('serverDelayMs', record['serverDelayMs']);
    checks.number('streamChunkDelayMs', record['streamChunkDelayMs']);
    checkFaultConfig(checks, 'faults', record['faults']);
    checks.boolean('proxy', record['proxy']);
    checks.number('natIdleTimeoutMs', record['natIdleTimeoutMs'], { min: 1 });
    if (record['proxy'] === false && record['natIdleTimeoutMs'] !== undefined) {
      checks.add('natIdleTimeoutMs', 'needs the proxy, but proxy is false: leave proxy unset or true');
    }
    if (record['proxy'] === false && typeof record['rttMs'] === 'number' && record['rttMs'] > 0) {
      checks.add('rttMs', 'needs the proxy, but proxy is false: leave proxy unset or true');
    }
    checks.boolean('control', record['control']);
    checkKnowledgeBases(checks, record['knowledgeBases']);
    checkCatalog(checks, record['catalog']);
    checks.boolean('enforceInferenceProfiles', record['enforceInferenceProfiles']);
  }
  if (checks.issues.length > 0) throw EmulatorOptionsError.fromIssues(checks.issues);
}
