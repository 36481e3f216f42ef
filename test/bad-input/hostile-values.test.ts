/**
 * Hostile values: very long strings, control characters and prototype-pollution keys are rejected (one clear error,
 * before any request) or neutralised (never reach the wire or a prototype), and `Object.prototype` stays clean.
 * Also: a credentials profile that does not exist fails clearly, naming the profile, without a request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentValidationError, createComponent } from '@bedrock-flow/component';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';
import { amazonBedrockModelDefinition } from '@bedrock-flow/model';
import { amazonBedrockEmbeddingsDefinition } from '@bedrock-flow/embeddings';
import { converseText, embeddingsQuery, modelText, UNARY_CALLS, type ComponentCall } from '../support/components';
import { rejectionOf, within } from '../support/deadline';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
const prototypeKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  // The operator allows the emulator for host credentials: the profile cases reach credential resolution, not the policy.
  stack = await startStack({ graphId: 'flow-hostile', allowEmulatorForHostCredentials: true });
});
afterAll(() => stack?.close());
beforeEach(() => {
  stack.emu.resetStats();
});
afterEach(() => {
  // No case may leave anything on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeysBefore);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

const LONG = 100_000;

describe('very long strings and control characters', () => {
  const cases: ReadonlyArray<readonly [string, ComponentCall, string, unknown]> = [
    ['100k-char model id', converseText, 'model_id', 'a'.repeat(LONG)],
    ['100k-char region', modelText, 'region_name', `us-east-1${'x'.repeat(LONG)}`],
    ['100k-char endpoint path', embeddingsQuery, 'endpoint_url', `https://127.0.0.1:4443/${'a'.repeat(LONG)} x`],
    ['100k-char variable name', converseText, 'aws_secret_access_key', { variable: `V${'A'.repeat(LONG)}` }],
    ['NUL in the model id', converseText, 'model_id', 'anthropic.claude-v2\u0000'],
    ['newline in the region', modelText, 'region_name', 'us-east-1\n'],
    ['BEL in the endpoint', embeddingsQuery, 'endpoint_url', 'https://127.0.0.1\u0007:4443'],
    ['CRLF header injection in the endpoint', converseText, 'endpoint_url', 'https://127.0.0.1:4443/\r\nX-Injected: 1'],
    ['escape sequence in the model id', modelText, 'model_id', '\u001b[31manthropic.claude-v2'],
    ['newline in a variable name', embeddingsQuery, 'aws_access_key_id', { variable: 'AWS_ACCESS_KEY_ID\nX' }],
  ];

  it.each(cases)('%s: one clear, bounded error on the field, nothing sent', async (_name, call, field, value) => {
    const error = await rejectionOf(Promise.resolve().then(() => call.call(stack.ctx('hostile'), { ...stack.values(), [field]: value }, 'hi')), 'hostile call');
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((issue) => issue.field)).toEqual([field]);
    // The hostile value is not echoed back whole.
    expect(error.message.length).toBeLessThan(1_000);
    expect(error.message).not.toContain('\r\n');
    expect(stack.emu.stats().requests.total).toBe(0);
    expect(stack.emu.stats().connections.accepted).toBe(0);
  });

  // The endpoint host is bounded as RFC 1035 bounds it (253 characters, labels 63). Checked at build, no lookup.
  it('100k-char endpoint host: rejected at build, before any lookup', () => {
    const build = () =>
      createComponent(amazonBedrockEmbeddingsDefinition, stack.ctx('hostile-host'), stack.values({ endpoint_url: `https://${'a'.repeat(LONG)}.example` })).build_embeddings();
    expect(build).toThrow(ComponentValidationError);
  });

  // A control character in a secret input would reach the Authorization header (and leave a @smithy/node-http-handler
  // timer behind). Key ids must match /^[A-Z0-9]{16,128}$/. Checked at build only (no call).
  it('control characters in a key id are rejected at build, before they can reach a header', () => {
    const build = () => createComponent(amazonBedrockConverseDefinition, stack.ctx('hostile-key'), stack.values({ aws_access_key_id: 'AKIAEMULATOR00000001\r\nX-Injected: 1' })).build_model();
    expect(build).toThrow(ComponentValidationError);
  });
});

describe('prototype-pollution keys', () => {
  const pollutingDicts: ReadonlyArray<readonly [string, unknown]> = [
    ['__proto__ key (from JSON)', JSON.parse('{"__proto__": {"polluted": "yes"}}')],
    ['constructor.prototype', [{ constructor: { prototype: { polluted: 'yes' } } }]],
    ['nested __proto__ (from JSON)', JSON.parse('[{"top_k": 5}, {"nested": {"__proto__": {"polluted": "yes"}}}]')],
    ['prototype key', { prototype: { polluted: 'yes' } }],
  ];

  it.each(pollutingDicts)('additional_model_fields with %s: rejected as one issue, nothing sent', async (_name, dict) => {
    const error = await rejectionOf(converseText.call(stack.ctx('pollute-c'), stack.values({ additional_model_fields: dict }), 'hi'), 'polluting call');
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((issue) => issue.field)).toEqual(['additional_model_fields']);
    expect(stack.emu.stats().requests.total).toBe(0);
  });

  it.each(pollutingDicts)('model_kwargs with %s: rejected as one issue, nothing sent', async (_name, dict) => {
    const error = await rejectionOf(modelText.call(stack.ctx('pollute-m'), stack.values({ model_kwargs: dict }), 'hi'), 'polluting call');
    expect(error).toBeInstanceOf(ComponentValidationError);
    expect((error as ComponentValidationError).issues.map((issue) => issue.field)).toEqual(['model_kwargs']);
    expect(stack.emu.stats().requests.total).toBe(0);
  });

  it('a raw values object with a __proto__ key (a JSON tweak) is neutralised: the call works and nothing is polluted', async () => {
    const raw = JSON.parse(`{"__proto__": {"polluted": "yes", "temperature": 9}, "input_value": "proto", "endpoint_url": ${JSON.stringify(stack.emu.url)}}`) as Record<string, unknown>;
    const values = { ...stack.values(), ...raw };
    const reply = await within(createComponent(amazonBedrockConverseDefinition, stack.ctx('pollute-raw'), values).text_response(), 'call with a __proto__ tweak');
    expect(reply.text).toBe('Echo: proto');
    const body = stack.emu.requests().at(-1)!.body as { inferenceConfig?: { temperature?: number } };
    expect(body.inferenceConfig?.temperature).toBe(0.7); // the smuggled temperature did not apply
    expect(JSON.stringify(body)).not.toContain('polluted');
  });

  it('variable names that are Object.prototype members resolve to nothing, not to inherited functions', () => {
    // Resolving to nothing, a variable the flow names is an error (never a fall-through to other credentials); an
    // inherited function would instead have become a "secret".
    const before = stack.emu.stats().requests.total;
    const build = () => createComponent(amazonBedrockModelDefinition, stack.ctx('pollute-vars', { variables: {} }), {
      aws_access_key_id: { variable: 'constructor' },
      aws_secret_access_key: { variable: 'toString' },
      aws_session_token: { variable: '__proto__' },
      credentials_profile_name: { variable: 'hasOwnProperty' },
    });
    expect(build).toThrow(ComponentValidationError);
    const fields = (() => { try { build(); return []; } catch (error) { return (error as ComponentValidationError).issues; } })();
    expect(fields.map((issue) => [issue.field, issue.problem.slice(0, 18)])).toEqual([
      ['aws_access_key_id', 'names the variable'],
      ['aws_secret_access_key', 'names the variable'],
      ['aws_session_token', 'names the variable'],
      ['credentials_profile_name', 'names the variable'],
    ]);
    expect(stack.emu.stats().requests.total).toBe(before);
  });
});

describe('a credentials profile that does not exist', () => {
  const saved = { config: process.env['AWS_CONFIG_FILE'], credentials: process.env['AWS_SHARED_CREDENTIALS_FILE'], imds: process.env['AWS_EC2_METADATA_DISABLED'] };
  let dir: string;
  beforeAll(() => {
    // Empty shared files, so the lookup is deterministic and never reads the machine's real profiles.
    dir = mkdtempSync(join(tmpdir(), 'bedrock-flow-profiles-'));
    writeFileSync(join(dir, 'config'), '[profile someone-else]\nregion = us-east-1\n');
    writeFileSync(join(dir, 'credentials'), '');
    process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials');
    process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
  });
  afterAll(() => {
    for (const [name, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials], ['AWS_EC2_METADATA_DISABLED', saved.imds]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(UNARY_CALLS.map((call) => [call.label, call] as const))('%s: fails naming the profile, without a request', async (_label, call) => {
    const values: Record<string, unknown> = { endpoint_url: stack.emu.url, credentials_profile_name: 'bedrock-flow-no-such-profile' };
    const error = await rejectionOf(call.call(stack.ctx(`no-profile-${call.label}`), values, 'hi'), 'call with a missing profile');
    expect(error.message).toContain('bedrock-flow-no-such-profile');
    expect(error.message).toMatch(/credential|profile/i);
    expect(stack.emu.stats().requests.total).toBe(0);
  });
});
