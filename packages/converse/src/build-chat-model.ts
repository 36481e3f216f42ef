import { ComponentValidationError, toClientConfig, type ComponentContext } from '@bedrock-flow/component';
import { chatModelFields } from './chat-model-fields';
import { COMPONENT_NAME } from './component-name';
import type { ConverseValues } from './converse-inputs';
import { ConverseInitializationError } from './errors/converse-initialization-error';
import { VALIDATION_ERROR_PREFIX } from './errors/error-prefixes';
import { PooledChatBedrockConverse } from './pooled-chat-bedrock-converse';

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `build_model`: a `ChatBedrockConverse` on this node's pooled client (passed as `client`, because the class ignores
 * `clientOptions.endpoint`). Cheap and idempotent: every call leases the same warm client for the same inputs, so
 * Langflow's two calls per run (even concurrent) share one connection pool.
 * Throws `ComponentValidationError` (`ChatBedrockConverse validation error: …`) or `ConverseInitializationError`.
 */
export function buildChatModel(ctx: ComponentContext, values: ConverseValues): PooledChatBedrockConverse {
  const fields = chatModelFields(values);
  const config = toClientConfig(values, ctx, { component: COMPONENT_NAME, errorPrefix: VALIDATION_ERROR_PREFIX });
  try {
    const lease = ctx.pool.acquire({ graphId: ctx.graphId, nodeId: ctx.nodeId }, config);
    // Names and kinds only: never the keys.
    ctx.logger?.debug?.('build_model: leased pooled client', {
      nodeId: ctx.nodeId,
      model: fields.model,
      region: config.region,
      endpoint: config.endpoint,
      credentials: config.credentials?.kind ?? 'default',
    });
    return new PooledChatBedrockConverse({ ...fields, client: lease.client, region: config.region });
  } catch (error) {
    if (error instanceof ComponentValidationError) throw error;
    throw new ConverseInitializationError(reasonOf(error), error);
  }
}
