/**
 * Every error class a bedrock-flow package exports: found by walking the packages' exports (a new class fails here
 * until it has a sample below), each one a `BedrockFlowError` with a code of the one convention
 * (`ERR_<PACKAGE>_<WHAT>`), listed in `docs/errors.md`, and without a secret in its message, `util.inspect` or JSON
 * even when the AWS SDK error it wraps holds the signed request. The emulator depends on no library package: its
 * errors follow the code convention without the base class.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import * as pool from '@bedrock-flow/bedrock-pool';
import * as component from '@bedrock-flow/component';
import * as converse from '@bedrock-flow/converse';
// The doctor is no dependency of this test package: its sources are read directly.
import * as doctor from '../../packages/doctor/src';
import * as embeddings from '@bedrock-flow/embeddings';
import * as emulator from '@bedrock-flow/emulator';
import * as knowledgeBase from '@bedrock-flow/knowledge-base';
import * as model from '@bedrock-flow/model';
const nodeRed = {
  ...require('../../packages/node-red/nodes/lib/payload-error.js'), // eslint-disable-line @typescript-eslint/no-require-imports
  ...require('../../packages/node-red/nodes/lib/node-property-error.js'), // eslint-disable-line @typescript-eslint/no-require-imports
} as Record<string, unknown>;

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzEBYaDTestSessionTokenCanary0123456789abcdefghijklmnopqrstuv';
const API_KEY = 'ABSKQmVkcm9ja0FQSUtleS1lcnJvcnMtdGVzdC0wMDAwMQ==';
const SECRETS = [SECRET_KEY, SESSION_TOKEN, API_KEY];

/** An AWS SDK error as the SDK raises it: modelled fields, and the signed request on a hidden `$response`. */
function sdkError(name = 'AccessDeniedException', status = 403): Error {
  const error = Object.assign(new Error('User is not authorized to perform: bedrock:InvokeModel'), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-errors-1', attempts: 1 },
  });
  const headers = { authorization: `AWS4-HMAC-SHA256 Credential=AKIA.../${SECRET_KEY}`, 'x-amz-security-token': SESSION_TOKEN, 'x-api-key': API_KEY };
  Object.defineProperty(error, '$response', { value: { statusCode: status, headers, body: { req: { headers } } }, enumerable: false });
  return error;
}

/** A cause whose own message quotes secrets (a credential provider that echoed its input). */
const leakyCause = (): Error => new Error(`profile gave ${SECRET_KEY} and token ${SESSION_TOKEN} and key ${API_KEY}`);

type Sample = () => Error;
/** One instance of every public error class, built as the package builds it, fed secrets where they can reach it. */
const SAMPLES: Record<string, Sample> = {
  BedrockFlowError: () => new pool.BedrockFlowError('ERR_BEDROCK_POOL_INVALID_CONFIG', 'base', { field: 'x', cause: sdkError() }),
  BedrockPoolError: () => new pool.BedrockPoolError('ERR_BEDROCK_POOL_CLOSED', 'closed', { cause: sdkError() }),
  ConfigValidationError: () => new pool.ConfigValidationError('http.maxSockets', 'must be >= 1', 'an integer 1..1000'),
  CredentialResolutionError: () => new pool.CredentialResolutionError('profile "dev"', leakyCause()),
  PoolClosedError: () => new pool.PoolClosedError('acquire'),
  WarmUpError: () => new pool.WarmUpError('slot-1', leakyCause()),
  RequestMayHaveBeenBilledError: () =>
    new pool.RequestMayHaveBeenBilledError({ operation: 'Converse', reason: 'connection-lost', field: 'http.generationTimeoutMs', timeoutMs: 900_000, transportError: 'ECONNRESET', transportMessage: 'socket hang up' }),
  EndpointNotAllowedError: () =>
    new pool.EndpointNotAllowedError({ endpoint: `https://${API_KEY}.example.com:443`, host: 'example.com', reason: 'host-credentials-to-untrusted-host', problem: 'p', allowed: 'a', remedy: 'r' }),
  ComponentDefinitionError: () => new component.ComponentDefinitionError('Probe', 'unknown output method'),
  ComponentValidationError: () => new component.ComponentValidationError('Probe', [{ field: 'aws_secret_access_key', problem: 'is half a key pair', allowed: 'both keys or neither' }]),
  ConverseApiError: () => new converse.ConverseApiError(sdkError()),
  ConverseInitializationError: () => new converse.ConverseInitializationError('the pool is closed', sdkError()),
  AmazonBedrockModelError: () => new model.AmazonBedrockModelError(sdkError(), { stage: 'call' }),
  ModelValidationError: () => new model.ModelValidationError('ERR_MODEL_INVALID_KWARGS', 'modelKwargs', 'modelKwargs must be a JSON object.'),
  ModelResponseError: () => new model.ModelResponseError('anthropic.claude-3-haiku-20240307-v1:0', 'req-1', 'InvokeModel response body is not JSON'),
  EmbeddingConfigError: () => new embeddings.EmbeddingConfigError('dimensions', '300 is not allowed', '256, 512, 1024'),
  EmbeddingCacheConfigError: () => new embeddings.EmbeddingCacheConfigError('ttlMs', 'is negative', 'an integer >= 0'),
  EmbeddingInputError: () => new embeddings.EmbeddingInputError(3, 'empty', 'the text is empty'),
  EmbeddingRequestError: () => new embeddings.EmbeddingRequestError({ modelId: 'cohere.embed-english-v3', indexes: [0, 4, 5], cause: sdkError('ThrottlingException', 429) }),
  EmbeddingResponseError: () => new embeddings.EmbeddingResponseError('cohere.embed-english-v3', [2], 'no vectors', 'req-2'),
  EmbeddingsInitializationError: () => new embeddings.EmbeddingsInitializationError('the pool is closed', sdkError()),
  KnowledgeBaseRequestError: () => new knowledgeBase.KnowledgeBaseRequestError('Retrieve', 'KBDOCS0001', sdkError('ResourceNotFoundException', 404)),
  KnowledgeBaseInitializationError: () => new knowledgeBase.KnowledgeBaseInitializationError('the pool is closed', sdkError()),
  DoctorError: () => new doctor.DoctorError('ERR_DOCTOR_INVALID_OPTION', '--region "x" is not an AWS region name', '--region'),
  PayloadError: () => new (nodeRed['PayloadError'] as new (t: string, p: string, a: string) => Error)('bedrock-converse', 'is a number', 'a string or messages'),
  NodePropertyError: () => new (nodeRed['NodePropertyError'] as new (t: string, f: string, p: string, a: string) => Error)('bedrock-knowledge-base', 'output', 'is "retriever"', 'search_results or answer'),
};

/** Package prefix of the codes each package's errors use. */
const LIBRARY_PACKAGES: Array<[string, Record<string, unknown>, string]> = [
  ['bedrock-pool', pool, 'BEDROCK_POOL'],
  ['component', component, 'COMPONENT'],
  ['converse', converse, 'CONVERSE'],
  ['model', model, 'MODEL'],
  ['embeddings', embeddings, 'EMBEDDINGS'],
  ['knowledge-base', knowledgeBase, 'KNOWLEDGE_BASE'],
  ['doctor', doctor, 'DOCTOR'],
  ['node-red', nodeRed, 'NODE_RED'],
];

function errorClassesOf(exports: Record<string, unknown>): Array<[string, Function]> {
  return Object.entries(exports).filter(
    (entry): entry is [string, Function] => typeof entry[1] === 'function' && (entry[1] as Function).prototype instanceof Error,
  );
}

/** Every `'ERR_…'` string literal in the `src` (or `nodes`) folders below `root`. */
function codeLiteralsIn(root: string): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string, inSource: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'test') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, inSource || entry.name === 'src' || entry.name === 'nodes');
      else if (inSource && /\.(ts|js)$/.test(entry.name)) for (const m of readFileSync(full, 'utf8').matchAll(/'(ERR_[A-Z0-9_]+)'/g)) codes.add(m[1]!);
    }
  };
  walk(root, false);
  return codes;
}

const ERRORS_DOC = readFileSync(path.join(__dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
const CODE_CONVENTION = /^ERR_[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

describe.each(LIBRARY_PACKAGES)('@bedrock-flow/%s', (_name, exports, prefix) => {
  const classes = errorClassesOf(exports);

  test('exports at least one error class, and each has a sample here', () => {
    expect(classes.length).toBeGreaterThan(0);
    for (const [name] of classes) expect([name, typeof SAMPLES[name]]).toEqual([name, 'function']);
  });

  test.each(classes.map(([name, cls]) => [name, cls] as const))('%s is a BedrockFlowError with an ERR_ code of its package, documented, and without secrets', (name, cls) => {
    const error = SAMPLES[name]!();
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(pool.BedrockFlowError);
    expect(error.name).toBe(name);
    const code = (error as pool.BedrockFlowError).code;
    expect(code).toMatch(CODE_CONVENTION);
    // The base class itself may carry any package's code; every other class carries its own package's.
    if (name !== 'BedrockFlowError') expect(code.startsWith(`ERR_${prefix}_`)).toBe(true);
    expect(ERRORS_DOC).toContain(`\`${code}\``);
    const views = [error.message, inspect(error, { showHidden: true, depth: 10 }), JSON.stringify(error), String(error.stack)];
    for (const view of views) for (const secret of SECRETS) expect(view).not.toContain(secret);
  });
});

test('every code of an error class with several codes is documented', () => {
  const codes = [
    'ERR_MODEL_AWS_SESSION_FAILED', 'ERR_MODEL_CONNECTION_FAILED', 'ERR_MODEL_BEDROCK_API_FAILED',
    'ERR_EMBEDDINGS_CONFIG_INVALID', 'ERR_EMBEDDINGS_MODEL_UNSUPPORTED',
    'ERR_EMBEDDINGS_TEXT_NOT_STRING', 'ERR_EMBEDDINGS_TEXT_EMPTY', 'ERR_EMBEDDINGS_TEXT_TOO_LONG',
    'ERR_DOCTOR_USAGE', 'ERR_DOCTOR_INVALID_OPTION', 'ERR_DOCTOR_CA_UNREADABLE',
    'ERR_BEDROCK_POOL_INVALID_CONFIG', 'ERR_BEDROCK_POOL_CREDENTIALS', 'ERR_BEDROCK_POOL_CLOSED', 'ERR_BEDROCK_POOL_WARM_UP', 'ERR_BEDROCK_POOL_ENDPOINT_NOT_ALLOWED',
  ];
  for (const code of codes) expect([code, ERRORS_DOC.includes(`\`${code}\``)]).toEqual([code, true]);
  // Codes are also thrown as literals in many files: every `'ERR_…'` literal in the packages' sources is documented.
  for (const code of codeLiteralsIn(path.join(__dirname, '..', '..', 'packages'))) {
    expect([code, ERRORS_DOC.includes(`\`${code}\``)]).toEqual([code, true]);
  }
});

describe('@bedrock-flow/emulator (no library dependency: its own classes, the same code convention)', () => {
  // BedrockError is the emulated service's answer (its `code` is the AWS error name), not an error of the emulator.
  const classes = errorClassesOf(emulator as Record<string, unknown>).filter(([name]) => name !== 'BedrockError');
  const samples: Record<string, () => Error & { code: string }> = {
    EmulatorOptionsError: () => new emulator.EmulatorOptionsError('rttMs', 'must be >= 0'),
    EmulatorScriptError: () => new emulator.EmulatorScriptError('replies.json', [{ field: 'scripts[0].reply', problem: 'is not an object' }]),
    EmulatorWaitTimeoutError: () => new emulator.EmulatorWaitTimeoutError('no request within 100 ms'),
  };
  test.each(classes.map(([name]) => [name] as const))('%s has an ERR_EMULATOR_ code listed in docs/errors.md', (name) => {
    expect(typeof samples[name]).toBe('function');
    const error = samples[name]!();
    expect(error.code).toMatch(/^ERR_EMULATOR_[A-Z0-9_]+$/);
    expect(ERRORS_DOC).toContain(`\`${error.code}\``);
  });
});
