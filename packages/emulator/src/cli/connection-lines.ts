import type { EmulatorCredentials } from '../types';

/** What a user needs to point a client at a running emulator. */
export interface ConnectionDetails {
  /** The endpoint (`emu.url`). */
  url: string;
  /** The region to suggest (any works). */
  region: string;
  /** The key pair the emulator accepts (`TEST_CREDENTIALS` from the CLI). */
  credentials: EmulatorCredentials;
  /** Bearer tokens accepted (`--bearer-token`); the first gets an `AWS_BEARER_TOKEN_BEDROCK` line. */
  bearerTokens: readonly string[];
  /** The auth mode in force. */
  auth: 'sigv4' | 'none';
  /** Where the CA PEM was written, with `--tls`. */
  caPath?: string;
  /** `emu.controlUrl`, with `--control`. */
  controlUrl?: string;
  /** How many entries the `--script` file had. */
  scriptCount?: number;
  /** The `--script` file. */
  scriptFile?: string;
}

/** Quotes a value for a POSIX shell only when it needs it. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The banner `bedrock-emulator` prints: every value a client needs, then ready-to-paste `export` lines.
 * The test credentials and tokens are printed on purpose: they exist only for this emulator (never
 * valid against AWS), and a user cannot point a non-Node client at it without them.
 */
export function connectionLines(d: ConnectionDetails): string[] {
  const curlCa = d.caPath ? `--cacert ${shellQuote(d.caPath)} ` : '';
  const lines = [
    `Bedrock Runtime emulator listening on ${d.url}`,
    `  endpoint:          ${d.url}`,
    `  region:            ${d.region} (any region works: requests are checked against the region they were signed for)`,
    `  auth:              ${d.auth === 'none' ? 'none (any request is accepted)' : 'SigV4 with the test credentials below' + (d.bearerTokens.length ? ', or a bearer token' : '')}`,
    `  access key id:     ${d.credentials.accessKeyId}`,
    `  secret access key: ${d.credentials.secretAccessKey}  (test credentials of this emulator; never valid against AWS)`,
    ...d.bearerTokens.map((token) => `  bearer token:      ${token}`),
    ...(d.caPath ? [`  CA certificate: ${d.caPath}`] : []),
    ...(d.controlUrl ? [`  control:           GET ${d.controlUrl}/stats, GET ${d.controlUrl}/requests, POST ${d.controlUrl}/reset`] : []),
    ...(d.scriptFile !== undefined ? [`  reply scripts:     ${d.scriptCount ?? 0} from ${d.scriptFile}`] : []),
    '',
    'Point a client at it (POSIX shell):',
    `  export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${shellQuote(d.url)}`,
    `  export AWS_REGION=${shellQuote(d.region)}`,
    `  export AWS_ACCESS_KEY_ID=${shellQuote(d.credentials.accessKeyId)}`,
    `  export AWS_SECRET_ACCESS_KEY=${shellQuote(d.credentials.secretAccessKey)}`,
    ...(d.credentials.sessionToken ? [`  export AWS_SESSION_TOKEN=${shellQuote(d.credentials.sessionToken)}`] : []),
    ...(d.caPath ? [`  export NODE_EXTRA_CA_CERTS=${shellQuote(d.caPath)}`, `  export AWS_CA_BUNDLE=${shellQuote(d.caPath)}`] : []),
    // bedrock-flow sends credentials from the environment (host credentials) only to AWS and to hosts the operator allows.
    '  # bedrock-flow hosts: allow this emulator for credentials from the environment, profiles or host variables',
    `  export BEDROCK_FLOW_ALLOWED_ENDPOINTS=${shellQuote(new URL(d.url).host)}`,
    ...(d.bearerTokens[0] !== undefined
      ? ['  # or, to authenticate with the API key instead of SigV4:', `  # export AWS_BEARER_TOKEN_BEDROCK=${shellQuote(d.bearerTokens[0])}`]
      : []),
    ...(d.controlUrl ? ['', `Counters: curl -s ${curlCa}${d.controlUrl}/stats`] : []),
    '',
    'Press Ctrl+C to stop.',
  ];
  return lines;
}
