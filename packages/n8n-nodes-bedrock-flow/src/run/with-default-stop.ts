import type { ChatBedrockConverse } from '@langchain/aws';

/**
 * Makes `stop` the model's default stop sequences (Converse `inferenceConfig.stopSequences`): `ChatBedrockConverse`
 * takes them only as a call option, and the chain or agent that calls the model never passes any. A call that does
 * pass `stop` keeps its own. Patches this instance only (not a `.bind()`, whose result n8n would not accept as a
 * chat model).
 */
export function withDefaultStop<M extends ChatBedrockConverse>(model: M, stop: readonly string[]): M {
  if (stop.length === 0) return model;
  const invocationParams = model.invocationParams.bind(model);
  model.invocationParams = (options) => invocationParams({ ...options, stop: options?.stop ?? [...stop] } as typeof options);
  return model;
}
