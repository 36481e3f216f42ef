import type { ComponentPool } from '@bedrock-flow/component';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { StateGraph } from '@langchain/langgraph';
import { FlowDefinitionError, validateFlowDefinition, type FlowDefinition, type FlowNode } from '../flow/flow-definition';
import type { RetrievedDocument, VectorIndex } from '../retrieval/vector-index';
import { flowComponents } from './component-registry';
import { RagState, type RagStateUpdate, type RagStateValue } from './rag-state';

/** What the host gives every compile: the pool, the AWS connection inputs, and the corpus index. */
export interface FlowHost {
  /** The process-wide pool (a `BedrockPool`); outlives every compiled graph. */
  pool: ComponentPool;
  /** AWS connection inputs merged into every node's values (`aws_access_key_id`, `region_name`, `endpoint_url`, …). */
  connection: Record<string, unknown>;
  /** The corpus the retriever searches. */
  index: VectorIndex;
}

type GraphNode = (state: RagStateValue) => Promise<RagStateUpdate>;

/** The builder calls this file makes; node names come from data, so the typed-name API of StateGraph is bypassed. */
interface DynamicGraphBuilder {
  addNode(name: string, action: GraphNode): DynamicGraphBuilder;
  addEdge(from: string, to: string): DynamicGraphBuilder;
  compile(): { invoke(input: { question: string }): Promise<RagStateValue> };
}

/** A compiled flow graph. */
export type CompiledFlowGraph = ReturnType<DynamicGraphBuilder['compile']>;

/** The system prompt: the node's system message, then the retrieved documents. */
export function systemPrompt(systemMessage: unknown, context: readonly RetrievedDocument[]): string {
  const base = typeof systemMessage === 'string' && systemMessage !== '' ? systemMessage : 'Answer using the context.';
  return `${base}\n\nContext:\n${context.map((document) => `- [${document.id}] ${document.text}`).join('\n')}`;
}

/**
 * Builds the node's component for this compile: validated now (a bad value fails the compile, before any call),
 * leased under `{ graphId: flow.id, nodeId: node.id }`, so every compile of the same flow gets the same warm client.
 */
function graphNodeFor(flow: FlowDefinition, node: FlowNode, host: FlowHost): GraphNode {
  const ctx = { graphId: flow.id, nodeId: node.id, pool: host.pool };
  const component = flowComponents.create(node.component, ctx, { ...node.values, ...host.connection }) as unknown as {
    build_embeddings?: () => EmbeddingsInterface;
    build_model?: () => BaseChatModel;
  };
  if (node.role === 'retriever') {
    if (!component.build_embeddings) throw new FlowDefinitionError(`node "${node.id}".component`, `is ${node.component}, which has no embeddings output`, 'AmazonBedrockEmbeddings');
    const embeddings = component.build_embeddings();
    return async (state) => ({ context: host.index.search(await embeddings.embedQuery(state.question), node.k ?? 2) });
  }
  if (!component.build_model) throw new FlowDefinitionError(`node "${node.id}".component`, `is ${node.component}, which has no model output`, 'AmazonBedrockConverseModel or AmazonBedrockModel');
  const model = component.build_model();
  return async (state) => {
    const message = await model.invoke([new SystemMessage(systemPrompt(node.values.system_message, state.context)), new HumanMessage(state.question)]);
    return { answer: message.text, usage: message.usage_metadata };
  };
}

/**
 * Compiles `flow` into a LangGraph `StateGraph` over {@link RagState}. Meant to run on EVERY request, as flow
 * builders rebuild their graphs: the components are built again, the clients under them are not.
 */
export function compileFlowGraph(flow: FlowDefinition, host: FlowHost): CompiledFlowGraph {
  validateFlowDefinition(flow);
  const stateKeys = Object.keys(RagState.spec);
  for (const node of flow.nodes) {
    if (stateKeys.includes(node.id)) throw new FlowDefinitionError(`node "${node.id}".id`, 'is the name of a state field', `any id but ${stateKeys.join(', ')}`);
  }
  const builder = new StateGraph(RagState) as unknown as DynamicGraphBuilder;
  for (const node of flow.nodes) builder.addNode(node.id, graphNodeFor(flow, node, host));
  for (const [from, to] of flow.edges) builder.addEdge(from, to);
  return builder.compile();
}
