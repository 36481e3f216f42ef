import type { ComponentCall } from '../support/components';

/** One invalid configuration: `values` are merged over a valid node; exactly `field` is wrong. */
export interface BadInputCase {
  component: 'converse' | 'model' | 'embeddings';
  field: string;
  /** What is wrong, for the test name. */
  why: string;
  values: Record<string, unknown>;
  /** Set when the value is replaced (deleted) rather than merged, e.g. to drop the secret of a key pair. */
  omit?: string[];
  /** A known bug in another package makes this case fail today: kept out of the green suite as `test.failing`. */
  bug?: string;
}

const c = (field: string, why: string, value: unknown): BadInputCase => ({ component: 'converse', field, why, values: { [field]: value } });
const m = (field: string, why: string, value: unknown): BadInputCase => ({ component: 'model', field, why, values: { [field]: value } });
const e = (field: string, why: string, value: unknown): BadInputCase => ({ component: 'embeddings', field, why, values: { [field]: value } });
const all = (field: string, why: string, value: unknown): BadInputCase[] => [c(field, why, value), m(field, why, value), e(field, why, value)];

/** Hand-written invalid configurations across the three components. */
export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // Regions (every component).
  ...all('region_name', 'unknown region', 'mars-north-1'),
  ...all('region_name', 'upper case', 'US-EAST-1'),
  ...all('region_name', 'underscores', 'us_east_1'),
  c('region_name', 'trailing space', 'us-east-1 '),
  m('region_name', 'a number', 42),
  e('region_name', 'an object', { region: 'us-east-1' }),
  c('region_name', 'an array', ['us-east-1']),
  // Endpoints (every component).
  ...all('endpoint_url', 'ftp scheme', 'ftp://127.0.0.1:21'),
  ...all('endpoint_url', 'file scheme', 'file:///etc/passwd'),
  c('endpoint_url', 'no host', 'http://'),
  m('endpoint_url', 'credentials in the URL', 'https://user:pa55@127.0.0.1:4443'),
  e('endpoint_url', 'javascript scheme', 'javascript:alert(1)'),
  c('endpoint_url', 'not a URL', 'not a url'),
  m('endpoint_url', 'query string', 'https://127.0.0.1:4443/?x=1'),
  e('endpoint_url', 'fragment', 'https://127.0.0.1:4443/#frag'),
  c('endpoint_url', 'a number', 4443),
  m('endpoint_url', 'header injection', 'https://127.0.0.1:4443\r\nHost: evil.example'),
  // Model ids.
  c('model_id', 'spaces and punctuation', 'not a model id!'),
  c('model_id', 'a number', 42),
  m('model_id', 'unknown model family', 'acme.unknown-model-v1'),
  m('model_id', 'an object', { id: 'anthropic.claude-v2' }),
  e('model_id', 'a chat model for embeddings', 'anthropic.claude-3-haiku-20240307-v1:0'),
  e('model_id', 'leading dot', '.titan-embed-text-v1'),
  // An empty or blank id was silently the default model; now it is an error on model_id.
  ...all('model_id', 'empty', ''),
  ...all('model_id', 'blank', '   '),
  c('model_id', 'null', null),
  // Numbers out of range or of the wrong type.
  c('temperature', 'above 1', 3),
  c('temperature', 'below 0', -0.5),
  c('temperature', 'not numeric', 'hot'),
  c('temperature', 'a boolean', true),
  c('max_tokens', 'zero', 0),
  c('max_tokens', 'negative', -5),
  c('max_tokens', 'fractional', 1.5),
  c('max_tokens', 'not numeric', '10x'),
  c('top_p', 'above 1', 1.5),
  c('top_p', 'below 0', -0.1),
  c('top_k', 'above 500', 501),
  c('top_k', 'negative', -1),
  c('top_k', 'fractional', 2.5),
  e('dimensions', 'not 256/512/1024', 300),
  // The per-node timeout (issue 22), seconds: above 0, at most 3600.
  ...all('timeout', 'negative', -5),
  ...all('timeout', 'zero', 0),
  ...all('timeout', 'above 60 min', 3_601),
  c('timeout', 'NaN', Number.NaN),
  m('timeout', 'not a number', 'ten'),
  e('timeout', 'infinite', Number.POSITIVE_INFINITY),
  e('max_concurrency', 'zero', 0),
  e('max_concurrency', 'above the limit', 51),
  e('max_concurrency', 'fractional', 1.5),
  // Booleans of the wrong type.
  c('stream', 'not a boolean', 'maybe'),
  c('disable_streaming', 'a number', 7),
  e('normalize', 'not a boolean', 'perhaps'),
  // Malformed dicts and JSON.
  c('additional_model_fields', 'a string', 'not a dict'),
  c('additional_model_fields', 'a list of numbers', [1, 2]),
  c('additional_model_fields', 'broken JSON text', '{"top_k": 5'),
  c('additional_model_fields', 'a dict then a string', [{ top_k: 5 }, 'x']),
  c('additional_model_fields', 'a function value', { transform: () => 1 }),
  m('model_kwargs', 'a string', 'max_tokens=5'),
  m('model_kwargs', 'a list of numbers', [1]),
  m('model_kwargs', 'a class instance', new Date(0)),
  // Credentials: half a key pair, malformed secret inputs.
  { component: 'converse', field: 'aws_secret_access_key', why: 'access key without secret', values: { aws_access_key_id: 'AKIAHALFPAIR00000001' }, omit: ['aws_secret_access_key'] },
  { component: 'model', field: 'aws_access_key_id', why: 'secret without access key', values: { aws_secret_access_key: 'half-pair-secret/00000000000000000000001' }, omit: ['aws_access_key_id'] },
  { component: 'embeddings', field: 'aws_secret_access_key', why: 'access key without secret', values: { aws_access_key_id: 'AKIAHALFPAIR00000001' }, omit: ['aws_secret_access_key'] },
  c('aws_access_key_id', 'a number', 12345),
  m('aws_secret_access_key', 'an invalid variable name', { variable: 'bad name!' }),
  e('aws_session_token', 'an array', ['token']),
  // A shape problem on its own field (no longer only caught as half a key pair).
  c('aws_access_key_id', 'an object that is no secret form', { key: 'AKIAWRONGSHAPE000001' }),
  {
    ...m('aws_session_token', 'an object that is no secret form', { token: 'FwoGZXIvYXdzEXAMPLE' }),
    // An object with neither `variable` nor `value` is refused: taken as unset it would fall back to the default chain.
  },
  {
    ...c('credentials_profile_name', 'an object that is no secret form', { profile: 'dev' }),
  },
  // Bedrock API keys (api_key): whitespace or a line break would split the Authorization header.
  ...all('api_key', 'a line break', 'ABSKQmVkcm9ja0tleQ\r\nX-Injected: 1'),
  c('api_key', 'a space', 'ABSK key'),
  m('api_key', 'an object that is no secret form', { token: 'ABSKQmVkcm9ja0tleQ' }),
  e('api_key', 'a number', 42),
  // Saved flows: an old field name set next to the new one with another value, and unknown credential-looking keys
  // (ignoring them would run the node on other credentials than the flow names).
  { component: 'model', field: 'aws_access_key_id', why: 'old name aws_access_key with another value', values: { aws_access_key: 'AKIAOLDNAME000000001' } },
  { component: 'embeddings', field: 'aws_secret_access_key', why: 'old name aws_secret_key with another value', values: { aws_secret_key: 'oldNameSecret/000000000000000000000000001' } },
  c('aws_key', 'an unknown credential-looking key', 'AKIAUNKNOWNFIELD0001'),
  m('openai_api_key', 'an unknown credential-looking key', 'sk-unknown'),
  e('session_token', 'an unknown credential-looking key', 'FwoGZXIvYXdzEXAMPLE'),
  c('db_password', 'an unknown credential-looking key', 'hunter2'),
];

/** Which component call a case goes through. */
export type CallFor = (component: BadInputCase['component']) => ComponentCall;
