import { applyCrossRegionInference, ComponentValidationError, inferenceProfilesFor, toClientConfig, type ComponentContext } from '@bedrock-flow/component';
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
  // Cross-region inference only when the user chose it (data residency): the model id becomes the profile id.
  const crossRegion = applyCrossRegionInference(fields.model, config.region, values.cross_region_inference, COMPONENT_NAME, VALIDATION_ERROR_PREFIX);
  const identity = { graphId: ctx.graphId, nodeId: ctx.nodeId };
  try {
    const lease = ctx.pool.acquire(identity, config);
    // Names and kinds only: never the keys.
    ctx.logger?.debug?.('build_model: leased pooled client', {
      nodeId: ctx.nodeId,
      model: fields.model,
      region: config.region,
      endpoint: config.endpoint,
      credentials: config.credentials?.kind ?? 'default',
    });
    return new PooledChatBedrockConverse({
      ...fields,
      model: crossRegion.modelId,
      client: lease.client,
      region: config.region,
      inferenceProfile: crossRegion.inferenceProfile,
      // On Bedrock's on-demand error: the profiles serving the model in this region, from discovery on this node's
      // pooled control-plane client (released with the node's other leases).
      inferenceProfileHint: () => inferenceProfilesFor(ctx.pool, identity, config, fields.model),
    });
  } catch (error) {
    if (error instanceof ComponentValidationError) throw error;
    throw new ConverseInitializationError(reasonOf(error), error);
  }
}
