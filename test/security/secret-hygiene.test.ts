/**
 * Secret hygiene: scenarios run with distinctive secret values (a canary secret key and session token, given as
 * literals and as host variables), then everything they produced is searched for them — pool and component logs,
 * console output, errors (message, stack, every cause), pool events, metrics snapshots, the palette manifest,
 * fingerprints, and `util.inspect` (depth Infinity) / `JSON.stringify` of every public object. Expected hits: 0.
 */
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentRegistry, createComponent, toClientConfig } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import type { EmulatorCredentials } from '@bedrock-flow/emulator';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { abortController } from '../support/abort-reason';
import { settle, within } from '../support/deadline';
import { SecretScanner } from '../support/secret-scanner';
import { startStack, type Stack } from '../support/stack';

const CANARY = {
  secret: `SECRET-CANARY-${randomUUID()}`,
  token: `SECRET-CANARY-TOKEN-${randomUUID()}`,
  wrongSecret: `SECRET-CANARY-WRONG-${randomUUID()}`,
  proxyPassword: `SECRET-CANARY-PROXY-${randomUUID()}`,
  apiKey: `ABSK-SECRET-CANARY-API-KEY-${randomUUID()}`,
  wrongApiKey: `ABSK-SECRET-CANARY-WRONG-API-KEY-${randomUUID()}`,
};
const KEYS: EmulatorCredentials = { accessKeyId: 'AKIACANARY0000000001', secretAccessKey: CANARY.secret, sessionToken: CANARY.token };

let stack: Stack;
const scanner = new SecretScanner(Object.values(CANARY));
const consoleLines: string[] = [];
const events: unknown[] = [];
const errors: Array<[string, unknown]> = [];
const objects: Array<[string, unknown]> = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleLines.push(`${method}: ${format(...args)}`);
    });
  }
  stack = await startStack({ graphId: 'flow-secrets', allowEmulatorForHostCredentials: true, emulator: { credentials: [KEYS], bearerTokens: [CANARY.apiKey] }, pool: { releaseGraceMs: 0 }, defaults: { retry: { mode: 'standard', maxAttempts: 2 } } });
  const eventNames = ['slotCreated', 'slotReleased', 'slotEvicted', 'slotDraining', 'slotDrained', 'slotDestroyed', 'leaseCreated', 'leaseMoved', 'leaseReleased', 'warmUpFailed'] as const;
  for (const name of eventNames) stack.pool.on(name, (...payload: unknown[]) => events.push({ name, payload }));
});
let summary = '';
afterAll(async () => {
  await stack?.close();
  jest.restoreAllMocks();
  if (summary) console.info(summary);
});

/** Node values with the canary keys, as literals or as host variables. */
function canaryValues(asVariables: boolean, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return asVariables
    ? { endpoint_url: stack.emu.url, aws_access_key_id: { variable: 'KEY_ID' }, aws_secret_access_key: { variable: 'KEY_SECRET' }, aws_session_token: { value: 'KEY_TOKEN', load_from_db: true }, ...extra }
    : { ...stack.values({}, KEYS), ...extra };
}
const variables = { KEY_ID: KEYS.accessKeyId, KEY_SECRET: CANARY.secret, KEY_TOKEN: CANARY.token };

/** Runs `fn`, keeping its error (if any) for the search. */
async function run(label: string, fn: () => Promise<unknown>): Promise<void> {
  const outcome = await settle(Promise.resolve().then(fn), label);
  if (!outcome.ok) errors.push([label, outcome.error]);
}

it('runs the scenarios with canary secrets, then finds none of them anywhere', async () => {
  for (const asVariables of [false, true]) {
    const tag = asVariables ? 'variables' : 'literals';
    const ctx = (node: string) => stack.ctx(`${node}-${tag}`, { variables });
    const converse = createComponent(amazonBedrockConverseDefinition, ctx('AmazonBedrockConverseModel'), canaryValues(asVariables, { input_value: 'hello', system_message: 'sys' }));
    const model = createComponent(amazonBedrockModelDefinition, ctx('AmazonBedrockModel'), canaryValues(asVariables, { input_value: 'hello' }));
    const embeddings = createComponent(amazonBedrockEmbeddingsDefinition, ctx('AmazonBedrockEmbeddings'), canaryValues(asVariables));
    objects.push([`converse instance (${tag})`, converse], [`model instance (${tag})`, model], [`embeddings instance (${tag})`, embeddings]);
    objects.push([`converse values (${tag})`, converse.values], [`model values (${tag})`, model.values], [`embeddings values (${tag})`, embeddings.values]);

    // Successes: invoke, stream, LangChain model, embeddings.
    const chat = converse.build_model();
    const legacyChat = model.build_model();
    const embedder = embeddings.build_embeddings();
    objects.push([`ChatBedrockConverse (${tag})`, chat], [`ChatBedrockInvoke (${tag})`, legacyChat], [`BedrockBatchedEmbeddings (${tag})`, embedder]);
    await run('converse text_response', async () => objects.push(['converse TextResponse', await converse.text_response()]));
    await run('converse stream', async () => objects.push(['converse streamed TextResponse', await createComponent(amazonBedrockConverseDefinition, ctx('AmazonBedrockConverseModel'), canaryValues(asVariables, { input_value: 'a b c', stream: true })).text_response()]));
    await run('chat invoke', async () => objects.push(['ChatBedrockConverse AIMessage', await chat.invoke('hi')]));
    await run('model text_response', async () => objects.push(['model TextResponse', await model.text_response()]));
    await run('model stream', async () => objects.push(['model streamed TextResponse', await createComponent(amazonBedrockModelDefinition, ctx('AmazonBedrockModel'), canaryValues(asVariables, { input_value: 'a b c', stream: true })).text_response()]));
    await run('embed documents', async () => objects.push(['embedding vectors', await embedder.embedDocuments(['one', 'two'])]));

    // Failures after retries, in-stream exceptions and aborts.
    stack.emu.setFaults({ throttle: { everyNth: 1 } });
    await run('converse throttled', () => converse.text_response());
    await run('model throttled', () => model.text_response());
    await run('embeddings throttled', () => embedder.embedQuery('x'));
    stack.emu.setFaults({ serverError: { status: 500, everyNth: 1 } });
    await run('chat 500', () => chat.invoke('x'));
    stack.emu.setFaults({ streamException: { afterFrames: 2 } });
    await run('converse in-stream exception', () => createComponent(amazonBedrockConverseDefinition, ctx('AmazonBedrockConverseModel'), canaryValues(asVariables, { input_value: 'a b c d', stream: true })).text_response());
    await run('model in-stream exception', () => createComponent(amazonBedrockModelDefinition, ctx('AmazonBedrockModel'), canaryValues(asVariables, { input_value: 'a b c d', stream: true })).text_response());
    stack.emu.setFaults({ firstByteDelayMs: 10_000 });
    const controller = abortController();
    const aborted = run('converse aborted', () => converse.text_response({ signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await aborted;
    stack.emu.setFaults({});

    // A wrong secret (signature refused) and validation errors with the canaries in the values.
    await run('wrong secret', () =>
      createComponent(amazonBedrockConverseDefinition, ctx('AmazonBedrockConverseModel-wrong'), { ...stack.values({}, { ...KEYS, secretAccessKey: CANARY.wrongSecret }), input_value: 'x' }).text_response(),
    );
    await run('half a key pair', async () => createComponent(amazonBedrockModelDefinition, ctx('half'), { endpoint_url: stack.emu.url, aws_secret_access_key: CANARY.secret, aws_session_token: CANARY.token }).build_model());
    await run('bad temperature next to secrets', async () => createComponent(amazonBedrockConverseDefinition, ctx('temp'), canaryValues(asVariables, { temperature: 7 })).build_model());
    await run('password in the endpoint', async () =>
      createComponent(amazonBedrockEmbeddingsDefinition, ctx('endpoint'), canaryValues(asVariables, { endpoint_url: `https://user:${CANARY.proxyPassword}@127.0.0.1:1` })).build_embeddings(),
    );
    await run('secret in the region field', async () => createComponent(amazonBedrockEmbeddingsDefinition, ctx('region'), canaryValues(asVariables, { region_name: { variable: 'KEY_SECRET' } })).build_embeddings());
  }

  // The pool directly: a lease with the canary keys, a proxy URL with a password, and the pool's own objects.
  const lease = stack.pool.acquire({ graphId: 'flow-secrets', nodeId: 'direct' }, {
    region: 'us-east-1',
    endpoint: stack.emu.url,
    credentials: { kind: 'static', accessKeyId: KEYS.accessKeyId, secretAccessKey: CANARY.secret, sessionToken: CANARY.token },
  });
  const proxied = stack.pool.acquire({ graphId: 'flow-secrets', nodeId: 'proxied' }, { region: 'us-east-1', endpoint: stack.emu.url, proxy: `http://user:${CANARY.proxyPassword}@127.0.0.1:1` });
  await run('pool with an empty key id next to a secret', async () => stack.pool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', credentials: { kind: 'static', accessKeyId: '', secretAccessKey: CANARY.secret } }));
  const config = toClientConfig(createComponent(amazonBedrockConverseDefinition, stack.ctx('cfg'), canaryValues(false)).values, stack.ctx('cfg'));
  objects.push(['lease', lease], ['proxied lease', proxied], ['pool', stack.pool], ['pool metrics', stack.pool.metrics()]);
  objects.push(['fingerprints', [lease.fingerprint, proxied.fingerprint, ...stack.pool.metrics().slots.map((slot) => slot.fingerprint)]]);
  objects.push(['manifest', new ComponentRegistry([amazonBedrockConverseDefinition, amazonBedrockModelDefinition, amazonBedrockEmbeddingsDefinition]).manifest()]);
  objects.push(['pool events', events]);
  // The ClientConfig handed to the pool holds the secret by design (it is the input that carries it); only its
  // fingerprint may be shown, so it is checked through the pool's fingerprint above rather than searched itself.
  expect(config.credentials).toMatchObject({ kind: 'static' });

  // Release everything so the drain / destroy events and final metrics are in the search too.
  stack.pool.graphDisposed('flow-secrets');
  await within(new Promise((resolve) => setTimeout(resolve, 50)), 'drain');
  objects.push(['pool metrics after release', stack.pool.metrics()], ['pool events after release', events]);

  const scanStart = Date.now();
  for (const [label, error] of errors) scanner.scanError(`error "${label}"`, error);
  for (const [label, value] of objects) scanner.scanObject(label, value);
  scanner.scanText('pool + component logger', stack.logger.text());
  scanner.scanText('console', consoleLines.join('\n'));
  summary = (
    `secret hygiene (searched in ${Date.now() - scanStart} ms): ${scanner.places} places searched, ${errors.length} errors, ${objects.length} objects, ${stack.logger.lines.length} log lines, ` +
      `${consoleLines.length} console lines, hits ${scanner.hits.length}; showHidden-only hits: ${[...new Set(scanner.hiddenHits.map((hit) => hit.place))].join(' | ')}`
  );

  // The scenarios really ran (and failed where they should): otherwise the search proves nothing.
  expect(errors.length).toBeGreaterThanOrEqual(23);
  expect(stack.emu.stats().auth.byAccessKeyId[KEYS.accessKeyId]).toBeGreaterThan(10);
  expect(stack.emu.stats().auth.failures).toBeGreaterThan(0);
  expect(scanner.places).toBeGreaterThan(200);
  expect(scanner.hits).toEqual([]);
}, 60_000);

it('Bedrock API keys, legacy field names and credential-looking unknown inputs never show their secrets', async () => {
  const apiScanner = new SecretScanner(Object.values(CANARY));
  const apiErrors: Array<[string, unknown]> = [];
  const apiObjects: Array<[string, unknown]> = [];
  const keep = async (label: string, fn: () => Promise<unknown>) => {
    const outcome = await settle(Promise.resolve().then(fn), label);
    if (!outcome.ok) apiErrors.push([label, outcome.error]);
    else apiObjects.push([label, outcome.value]);
  };
  const apiVariables = { BEDROCK_KEY: CANARY.apiKey, BAD_KEY: CANARY.wrongApiKey };
  const base = { endpoint_url: stack.emu.url, input_value: 'hello' };
  stack.emu.resetStats();
  for (const [tag, apiKey] of [['literal', CANARY.apiKey], ['variable', { value: 'BEDROCK_KEY', load_from_db: true }]] as const) {
    const ctx = stack.ctx(`api-key-${tag}`, { variables: apiVariables });
    const converse = createComponent(amazonBedrockConverseDefinition, ctx, { ...base, api_key: apiKey });
    const model = createComponent(amazonBedrockModelDefinition, ctx, { ...base, api_key: apiKey });
    const embeddings = createComponent(amazonBedrockEmbeddingsDefinition, ctx, { endpoint_url: stack.emu.url, api_key: apiKey });
    apiObjects.push([`converse (${tag})`, converse], [`model (${tag})`, model], [`embeddings (${tag})`, embeddings], [`values (${tag})`, converse.values]);
    await keep(`converse with API key (${tag})`, () => converse.text_response());
    await keep(`model with API key (${tag})`, () => model.text_response());
    // A text per tag: the same text twice would be served by the embedding cache, and this counts bearer calls.
    await keep(`embeddings with API key (${tag})`, () => embeddings.build_embeddings().embedQuery(`x ${tag}`));
  }
  const wrongCtx = stack.ctx('api-key-wrong', { variables: apiVariables });
  await keep('wrong API key', () => createComponent(amazonBedrockConverseDefinition, wrongCtx, { ...base, api_key: { variable: 'BAD_KEY' } }).text_response());
  await keep('API key with a line break', async () => createComponent(amazonBedrockModelDefinition, wrongCtx, { ...base, api_key: `${CANARY.apiKey}\r\nX: 1` }).build_model());
  await keep('legacy names with a conflicting secret', async () =>
    createComponent(amazonBedrockModelDefinition, wrongCtx, { ...base, aws_access_key: KEYS.accessKeyId, aws_secret_key: CANARY.secret, aws_secret_access_key: CANARY.wrongSecret }).build_model(),
  );
  await keep('legacy names with the canary keys', () =>
    createComponent(amazonBedrockModelDefinition, wrongCtx, { ...base, aws_access_key: KEYS.accessKeyId, aws_secret_key: CANARY.secret, aws_session_token: CANARY.token }).text_response(),
  );
  await keep('unknown credential-looking input', async () => createComponent(amazonBedrockEmbeddingsDefinition, wrongCtx, { endpoint_url: stack.emu.url, bearer_token: CANARY.apiKey }).build_embeddings());
  apiObjects.push(['pool metrics (API keys)', stack.pool.metrics()]);
  for (const [label, error] of apiErrors) apiScanner.scanError(`error "${label}"`, error);
  for (const [label, value] of apiObjects) apiScanner.scanObject(label, value);
  apiScanner.scanText('pool + component logger', stack.logger.text());
  apiScanner.scanText('console', consoleLines.join('\n'));

  // The scenarios ran: 6 bearer calls and the legacy-named keys signed, the wrong key refused, 4 validation errors.
  expect(stack.emu.stats().auth.byAccessKeyId).toMatchObject({ bearer: 6, [KEYS.accessKeyId]: 1 });
  expect(stack.emu.stats().auth.failures).toBe(1);
  expect(apiErrors.map(([label]) => label)).toEqual(['wrong API key', 'API key with a line break', 'legacy names with a conflicting secret', 'unknown credential-looking input']);
  expect(apiScanner.places).toBeGreaterThan(50);
  expect(apiScanner.hits).toEqual([]);
}, 60_000);

// Component errors keep a sanitised copy of the SDK error as `cause` (`sanitizeAwsError`), never the SDK error itself,
// whose hidden `$response` holds the signed headers.
it('errors do not reach the session token even through non-enumerable properties (showHidden)', () => {
  const errorHits = scanner.hiddenHits.filter((hit) => hit.place.startsWith('error '));
  expect(errorHits).toEqual([]);
});

it('a secret-shaped value pasted into a non-secret pool field is not echoed back', () => {
  // Real secret keys are 40 base64 characters; the pool redacts anything of that shape in its messages.
  const secretShaped = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';
  let message = '';
  try {
    stack.pool.acquire({ graphId: 'g', nodeId: 'pasted' }, { region: secretShaped });
  } catch (error) {
    message = `${(error as Error).message}\n${(error as Error).stack}`;
  }
  expect(message).toContain('region');
  expect(message).not.toContain(secretShaped);
});

it('the scanner does find a secret where one is (control)', () => {
  const control = new SecretScanner([CANARY.secret]);
  control.scanError('control', new Error('wrapper', { cause: new Error(`inner ${CANARY.secret}`) }));
  control.scanObject('control object', { nested: { deeper: [{ value: CANARY.secret }] } });
  expect(control.hits.length).toBeGreaterThanOrEqual(4);
});

it('a pool created without defaults still never logs a secret on its warnings path', async () => {
  // Warm-up against a closed port logs a warning (warmUpFailed): the line must not carry the secret.
  const lines: string[] = [];
  const pool = new BedrockPool({ openTelemetry: false, endpointPolicy: { allowedHosts: ['127.0.0.1:1'] }, logger: { warn: (...args: unknown[]) => lines.push(format(...args)), debug: (...args: unknown[]) => lines.push(format(...args)) } });
  try {
    const lease = pool.acquire({ graphId: 'g', nodeId: 'n' }, { region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { kind: 'static', accessKeyId: KEYS.accessKeyId, secretAccessKey: CANARY.secret, sessionToken: CANARY.token } });
    const outcome = await settle(pool.warm(lease), 'warm-up against a closed port');
    const control = new SecretScanner(Object.values(CANARY));
    if (!outcome.ok) control.scanError('warm-up error', outcome.error);
    control.scanText('pool log', lines.join('\n'));
    expect(lines.length).toBeGreaterThan(0);
    expect(control.hits).toEqual([]);
  } finally {
    await pool.destroy();
  }
});
