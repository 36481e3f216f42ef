import { isAwsRegion } from '@bedrock-flow/bedrock-pool';
import { DoctorError } from '../errors/doctor-error';

/** What `bedrock-flow doctor` checks. */
export interface DoctorOptions {
  /** AWS region, e.g. `us-east-1`. Required. */
  region: string;
  /** Endpoint URL. Default: the regional Bedrock Runtime endpoint `https://bedrock-runtime.<region>.amazonaws.com`. */
  endpoint?: string;
  /** Model id (or cross-region inference profile id) the Converse probe calls. Required. */
  model: string;
  /** PEM text of an extra trusted CA (an emulator's or a corporate proxy's). Default: Node's roots. */
  ca?: string;
  /** Shared-config profile to take credentials from. Default: the SDK's default chain. */
  profile?: string;
}

/** The doctor's usage text. */
export const DOCTOR_USAGE = `Usage: bedrock-flow doctor --region <region> --model <model-id> [--endpoint <url>] [--ca <pem-file>] [--profile <name>]

Prints the timing breakdown of a Bedrock Runtime Converse call through a bedrock-flow pool:
DNS, TCP connect, TLS, credential resolution, time to first byte and total, cold and warm.`;

/** The raw flags, as {@link parseDoctorArgs} read them (`--ca` still a path). */
export interface DoctorArgs {
  region: string;
  model: string;
  endpoint?: string;
  caFile?: string;
  profile?: string;
}

/**
 * Reads `--region`, `--model`, `--endpoint`, `--ca` (a PEM file path) and `--profile` (`--flag value`
 * or `--flag=value`). Throws {@link DoctorError} naming the flag and what is allowed; never touches the network.
 */
export function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  const known = new Set(['region', 'model', 'endpoint', 'ca', 'profile']);
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new DoctorError('ERR_DOCTOR_USAGE', `Unexpected argument "${arg}".\n${DOCTOR_USAGE}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!known.has(name)) throw new DoctorError('ERR_DOCTOR_USAGE', `Unknown flag --${name}; allowed: --region, --model, --endpoint, --ca, --profile.`, `--${name}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || value.startsWith('--')) {
      throw new DoctorError('ERR_DOCTOR_INVALID_OPTION', `--${name} needs a value.`, `--${name}`);
    }
    values.set(name, value);
  }
  const region = values.get('region');
  const model = values.get('model');
  if (region === undefined) throw new DoctorError('ERR_DOCTOR_INVALID_OPTION', `--region is required (e.g. --region us-east-1).\n${DOCTOR_USAGE}`, '--region');
  if (!isAwsRegion(region)) throw new DoctorError('ERR_DOCTOR_INVALID_OPTION', `--region "${region}" is not an AWS region name (like us-east-1).`, '--region');
  if (model === undefined) throw new DoctorError('ERR_DOCTOR_INVALID_OPTION', `--model is required (e.g. --model us.anthropic.claude-3-5-haiku-20241022-v1:0).\n${DOCTOR_USAGE}`, '--model');
  const endpoint = values.get('endpoint');
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
      throw new DoctorError('ERR_DOCTOR_INVALID_OPTION', '--endpoint must be an http:// or https:// URL without user:password@.', '--endpoint');
    }
  }
  return {
    region,
    model,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(values.has('ca') ? { caFile: values.get('ca') as string } : {}),
    ...(values.has('profile') ? { profile: values.get('profile') as string } : {}),
  };
}
