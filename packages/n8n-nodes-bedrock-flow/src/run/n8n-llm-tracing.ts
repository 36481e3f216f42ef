import type { ISupplyDataFunctions } from 'n8n-workflow';

/** The package of the running n8n that holds its LangChain tracing handler (not a dependency: only n8n has it). */
export const N8N_AI_UTILITIES = '@n8n/ai-utilities';

type TracingModule = {
  N8nLlmTracing: new (fns: ISupplyDataFunctions) => unknown;
  logWrapper?: <T extends object>(instance: T, fns: ISupplyDataFunctions) => T;
};

let loaded: TracingModule | null | undefined;

function tracingModule(): TracingModule | null {
  if (loaded === undefined) {
    try {
      // Resolved from n8n's own node_modules (n8n adds them to NODE_PATH before loading community nodes).
      const candidate = require(N8N_AI_UTILITIES) as Partial<TracingModule>;
      loaded = typeof candidate.N8nLlmTracing === 'function' ? (candidate as TracingModule) : null;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/**
 * n8n's own LLM tracing callback for this sub-node, as its stock model nodes attach it: it records each model call's
 * input, output, token usage and errors in the execution data, so the sub-node shows them in the editor. `[]` outside
 * n8n (or in an n8n without it): the model works the same, only without those logs.
 */
export function n8nLlmCallbacks(fns: ISupplyDataFunctions): unknown[] {
  const tracing = tracingModule();
  return tracing ? [new tracing.N8nLlmTracing(fns)] : [];
}

/**
 * n8n's `logWrapper` around a supplied object (as its stock embeddings nodes return theirs): the calls made through it
 * are recorded in the sub-node's execution data. The object itself outside n8n.
 */
export function withN8nLogging<T extends object>(instance: T, fns: ISupplyDataFunctions): T {
  const wrap = tracingModule()?.logWrapper;
  return typeof wrap === 'function' ? wrap(instance, fns) : instance;
}
