import { partitionOf } from '../config/aws-partitions';
import type { BedrockService } from './bedrock-service';

/** Host of `service`'s regional endpoint: `<service>.<region>.<partition DNS suffix>`, e.g. `bedrock.us-east-1.amazonaws.com`. */
export function regionalServiceHost(service: BedrockService, region: string): string {
  return `${service}.${region}.${partitionOf(region)?.dnsSuffix ?? 'amazonaws.com'}`;
}

/** A regional, FIPS or dual-stack AWS host of one of the Bedrock services, with its parts. */
const AWS_SERVICE_HOST = /^(bedrock-agent-runtime|bedrock-runtime|bedrock)(-fips)?(\.[a-z]{2,4}(?:-[a-z]+)+-\d+\.[a-z0-9.-]+)$/;

/**
 * The endpoint a client of `service` uses when the config names `endpoint` (set for another service, usually
 * Bedrock Runtime). An AWS host of a Bedrock service (`bedrock-runtime[-fips].<region>.<suffix>`) becomes the same
 * host of `service` (`bedrock[-fips].<region>.<suffix>`), since each service has its own host name at AWS; any other
 * endpoint (an emulator, a gateway, a VPC endpoint name) is kept as it is: it serves the service itself or not at all.
 * The endpoint policy then judges the result.
 */
export function serviceEndpoint(endpoint: string, service: BedrockService): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return endpoint;
  }
  const match = AWS_SERVICE_HOST.exec(url.hostname);
  if (!match || match[1] === service) return endpoint;
  url.hostname = `${service}${match[2] ?? ''}${match[3]}`;
  // `URL` adds a trailing slash to a bare origin; keep the caller's spelling otherwise.
  return endpoint.endsWith('/') || url.pathname !== '/' ? url.toString() : url.toString().slice(0, -1);
}
