import { createHash } from 'node:crypto';
import { validationError } from '../../errors/bedrock-error';
import { countTokens } from '../tokenizer';
import { asObject } from '../validate-fields';

/** Cache lifetimes a `cachePoint` may ask for; `5m` is the default. */
export const CACHE_TTLS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;
/**
 * Bedrock's `guardrailIdentifier` pattern: a guardrail id or its ARN. A copy of converse's (the emulator depends on no
 * library package); `test/emulator-agreement/guardrail-patterns-agree.test.ts` fails when they differ.
 */
export const GUARDRAIL_IDENTIFIER_PATTERN = /^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/;
/** Bedrock's `guardrailVersion` pattern: `DRAFT` or a version number. */
export const GUARDRAIL_VERSION_PATTERN = /^(([1-9][0-9]{0,7})|(DRAFT))$/;

/** One `cachePoint` of a request: the prefix it closes, as a key, and the input tokens of that prefix. */
export interface CacheCheckpoint {
  /** sha256 of the model id and everything before the cache point (tools, system, messages). */
  key: string;
  /** Text tokens of the system and message blocks before the cache point. */
  tokens: number;
  ttl: keyof typeof CACHE_TTLS;
}

/** A request's `guardrailConfig`. */
export interface GuardrailSettings {
  identifier: string;
  version: string;
  trace: 'enabled' | 'disabled' | 'enabled_full';
}

/** The Converse features beyond the chat request itself: cache points, guardrail, latency-optimized inference. */
export interface ConverseFeatures {
  checkpoints: CacheCheckpoint[];
  guardrail?: GuardrailSettings;
  performanceConfig?: { latency: 'standard' | 'optimized' };
}

function invalid(path: string, value: unknown, constraint: string): never {
  throw validationError(`1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`);
}

/** The cache point of a block (`{cachePoint: {type: "default", ttl?}}`), validated; `undefined` for other blocks. */
function cachePointOf(block: unknown, path: string): CacheCheckpoint['ttl'] | undefined {
  if (!block || typeof block !== 'object' || !('cachePoint' in block)) return undefined;
  const point = asObject((block as { cachePoint: unknown }).cachePoint, `${path}.cachePoint`);
  if (point['type'] !== 'default') invalid(`${path}.cachePoint.type`, point['type'], 'Member must satisfy enum value set: [default]');
  const ttl = point['ttl'] ?? '5m';
  if (ttl !== '5m' && ttl !== '1h') invalid(`${path}.cachePoint.ttl`, ttl, 'Member must satisfy enum value set: [5m, 1h]');
  return ttl;
}

function blockText(block: unknown): string {
  return block && typeof block === 'object' && typeof (block as { text?: unknown }).text === 'string' ? (block as { text: string }).text : '';
}

/**
 * Cache points in Bedrock's order (tools, then system, then messages): each closes the prefix before it. A cache
 * point is a block of its own: `{cachePoint: {type: "default", ttl?: "5m" | "1h"}}`.
 */
function cacheCheckpoints(body: Record<string, unknown>, modelId: string): CacheCheckpoint[] {
  const checkpoints: CacheCheckpoint[] = [];
  const prefix: unknown[] = [modelId];
  let tokens = 0;
  const visit = (blocks: unknown, path: string, countText: boolean): void => {
    if (!Array.isArray(blocks)) return;
    blocks.forEach((block, i) => {
      const ttl = cachePointOf(block, `${path}.${i + 1}.member`);
      if (ttl === undefined) {
        prefix.push(block);
        if (countText) tokens += countTokens(blockText(block));
        return;
      }
      const key = createHash('sha256').update(JSON.stringify(prefix)).digest('hex');
      checkpoints.push({ key, tokens, ttl });
    });
  };
  const toolConfig = body['toolConfig'] as { tools?: unknown } | undefined;
  visit(toolConfig?.tools, 'toolConfig.tools', false);
  visit(body['system'], 'system', true);
  const messages = Array.isArray(body['messages']) ? (body['messages'] as Array<{ role?: unknown; content?: unknown }>) : [];
  messages.forEach((message, i) => {
    prefix.push({ role: message?.role });
    visit(message?.content, `messages.${i + 1}.member.content`, true);
  });
  return checkpoints;
}

function parseGuardrail(value: unknown, streaming: boolean): GuardrailSettings | undefined {
  if (value === undefined || value === null) return undefined;
  const config = asObject(value, 'guardrailConfig');
  const identifier = config['guardrailIdentifier'];
  const version = config['guardrailVersion'];
  if (typeof identifier !== 'string') invalid('guardrailConfig.guardrailIdentifier', identifier ?? null, 'Member must not be null');
  if (identifier.length > 2048 || !GUARDRAIL_IDENTIFIER_PATTERN.test(identifier)) {
    invalid('guardrailConfig.guardrailIdentifier', identifier, `Member must satisfy regular expression pattern: ${GUARDRAIL_IDENTIFIER_PATTERN.source}`);
  }
  if (typeof version !== 'string') invalid('guardrailConfig.guardrailVersion', version ?? null, 'Member must not be null');
  if (!GUARDRAIL_VERSION_PATTERN.test(version)) {
    invalid('guardrailConfig.guardrailVersion', version, `Member must satisfy regular expression pattern: ${GUARDRAIL_VERSION_PATTERN.source}`);
  }
  const trace = config['trace'] ?? 'disabled';
  if (trace !== 'enabled' && trace !== 'disabled' && trace !== 'enabled_full') {
    invalid('guardrailConfig.trace', trace, 'Member must satisfy enum value set: [enabled, disabled, enabled_full]');
  }
  const mode = config['streamProcessingMode'];
  if (mode !== undefined) {
    // Only the stream shape (GuardrailStreamConfiguration) has this member.
    if (!streaming) throw validationError('The guardrailConfig field streamProcessingMode is only supported by ConverseStream.');
    if (mode !== 'sync' && mode !== 'async') invalid('guardrailConfig.streamProcessingMode', mode, 'Member must satisfy enum value set: [sync, async]');
  }
  return { identifier, version, trace };
}

function parsePerformanceConfig(value: unknown): ConverseFeatures['performanceConfig'] {
  if (value === undefined || value === null) return undefined;
  const config = asObject(value, 'performanceConfig');
  const latency = config['latency'] ?? 'standard';
  if (latency !== 'standard' && latency !== 'optimized') invalid('performanceConfig.latency', latency, 'Member must satisfy enum value set: [standard, optimized]');
  return { latency };
}

/**
 * Validates and reads the Converse features of a Converse / ConverseStream body in Bedrock's shape: `cachePoint`
 * blocks in `system`, `messages[].content` and `toolConfig.tools`; `guardrailConfig {guardrailIdentifier,
 * guardrailVersion, trace?, streamProcessingMode? (stream only)}`; `performanceConfig {latency: standard|optimized}`.
 * Throws a 400 ValidationException in Bedrock's words.
 */
export function parseConverseFeatures(body: Record<string, unknown>, modelId: string, streaming: boolean): ConverseFeatures {
  const features: ConverseFeatures = { checkpoints: cacheCheckpoints(body, modelId) };
  const guardrail = parseGuardrail(body['guardrailConfig'], streaming);
  if (guardrail) features.guardrail = guardrail;
  const performanceConfig = parsePerformanceConfig(body['performanceConfig']);
  if (performanceConfig) features.performanceConfig = performanceConfig;
  return features;
}
