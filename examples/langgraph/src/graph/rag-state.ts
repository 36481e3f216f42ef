import { Annotation } from '@langchain/langgraph';
import type { UsageMetadata } from '@langchain/core/messages';
import type { RetrievedDocument } from '../retrieval/vector-index';

/** The graph state: the question in, the retrieved context and the answer out. */
export const RagState = Annotation.Root({
  question: Annotation<string>(),
  context: Annotation<RetrievedDocument[]>({ reducer: (_previous, next) => next, default: () => [] }),
  answer: Annotation<string>(),
  usage: Annotation<UsageMetadata | undefined>(),
});

/** A value of {@link RagState}. */
export type RagStateValue = typeof RagState.State;
/** What a graph node returns: part of the state. */
export type RagStateUpdate = typeof RagState.Update;
