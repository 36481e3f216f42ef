import type { ComponentPool } from '@bedrock-flow/component';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { CorpusDocument } from '../corpus/bedrock-notes';
import { FlowDefinitionError, type FlowDefinition } from '../flow/flow-definition';
import { VectorIndex } from '../retrieval/vector-index';
import { flowComponents } from './component-registry';

/**
 * Embeds the corpus once, with the flow's retriever component under the retriever node's identity, so the index
 * and every later request share that node's warm client.
 */
export async function buildCorpusIndex(
  flow: FlowDefinition,
  pool: ComponentPool,
  connection: Record<string, unknown>,
  documents: readonly CorpusDocument[],
): Promise<VectorIndex> {
  const retriever = flow.nodes.find((node) => node.role === 'retriever');
  if (!retriever) throw new FlowDefinitionError('nodes', 'has no retriever node', 'one node with role "retriever"');
  const component = flowComponents.create(retriever.component, { graphId: flow.id, nodeId: retriever.id, pool }, { ...retriever.values, ...connection }) as unknown as {
    build_embeddings: () => EmbeddingsInterface;
  };
  return VectorIndex.build(component.build_embeddings(), documents);
}
