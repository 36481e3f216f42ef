import { hostPoolOptions, type BedrockPoolOptions } from '@bedrock-flow/bedrock-pool';
import { startEmulator, TEST_CREDENTIALS, type ModelRequestView, type RunningEmulator } from '@bedrock-flow/emulator';
import { RAG_CHAT_MODEL } from '../flow/rag-flow';
import { findAwsCredentialSource, MissingAwsCredentialsError } from './find-aws-credentials';

/** Where the flow's components connect: component connection inputs, pool options, and what to call it. */
export interface FlowConnection {
  /** Merged into every node's values. */
  values: Record<string, unknown>;
  /** Options of the process-wide `BedrockPool`. */
  poolOptions: BedrockPoolOptions;
  /** For the console, e.g. `emulator at https://127.0.0.1:41234`. */
  label: string;
  /** The emulator, in emulator mode. */
  emulator?: RunningEmulator;
  /** Stops what the connection started (the emulator). */
  close(): Promise<void>;
}

/** The emulator's stand-in answer: quotes the best context document, so the demo shows retrieval at work. */
export function emulatorAnswer(request: ModelRequestView): string {
  const system = (request.body as { system?: Array<{ text?: string }> }).system?.map((block) => block.text ?? '').join('\n') ?? '';
  const best = /^- \[([^\]]+)\] (.*)$/m.exec(system);
  return best ? `(emulator) From [${best[1]}]: ${best[2]}` : `(emulator) No context for: ${request.lastUserText ?? ''}`;
}

/** A local Bedrock emulator over TLS (its CA trusted through the pool defaults), answering from the context. */
export async function emulatorConnection(): Promise<FlowConnection> {
  const emulator = await startEmulator({ tls: true });
  emulator.script(RAG_CHAT_MODEL, (request) => ({ text: emulatorAnswer(request) }));
  return {
    values: {
      aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
      aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      region_name: 'us-east-1',
      endpoint_url: emulator.url,
    },
    // The example operates its emulator, so it allows that host:port explicitly (BEDROCK_FLOW_ALLOWED_ENDPOINTS would do
    // the same): the keys above are typed into the node and would reach loopback anyway, but credentials from a host
    // variable or the environment reach loopback only when the operator allows it.
    poolOptions: { endpointPolicy: { allowedHosts: [new URL(emulator.url).host] }, defaults: { tls: { ca: emulator.ca! } } },
    label: `emulator at ${emulator.url}`,
    emulator,
    close: () => emulator.close(),
  };
}

/**
 * Amazon Bedrock itself: the AWS SDK default credential chain (keys, profile, SSO, roles), region from
 * `AWS_REGION` / `AWS_DEFAULT_REGION` or us-east-1. Throws {@link MissingAwsCredentialsError} when nothing is set.
 */
export function realConnection(env: Readonly<Record<string, string | undefined>> = process.env): FlowConnection {
  const source = findAwsCredentialSource(env);
  if (!source) throw new MissingAwsCredentialsError();
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return {
    // Empty strings unset the secret inputs, so the components use the SDK's default chain instead of env variables by name.
    values: { aws_access_key_id: '', aws_secret_access_key: '', aws_session_token: '', region_name: region },
    // The operator's policy from the environment (e.g. BEDROCK_FLOW_ALLOWED_ENDPOINTS for a gateway); default AWS only.
    poolOptions: hostPoolOptions({ env }),
    label: `Amazon Bedrock in ${region} (credentials: ${source})`,
    close: async () => undefined,
  };
}
