import type { EventStreamWriter } from '../event-stream/event-stream-writer';
import type { GenerationPace } from '../faults/generation-pace';
import type { KnowledgeBaseStore } from '../knowledge-base/knowledge-base-store';
import type { ModelFamily } from '../models/model-family';
import type { AnyRequest, AnyResponse } from '../server/request-handler';
import type { EmulatorOperation, ModelRequestView, ScriptedReply } from '../types';

/** Everything an operation handler needs for one request. */
export interface OperationContext {
  operation: EmulatorOperation;
  req: AnyRequest;
  res: AnyResponse;
  requestId: string;
  /** Model id as sent (decoded), the guardrail id for ApplyGuardrail, the knowledge-base id for Retrieve (`''` for RetrieveAndGenerate and AgenticRetrieveStream). */
  modelId: string;
  family: ModelFamily | undefined;
  /** Guardrail version (ApplyGuardrail only). */
  guardrailVersion?: string;
  body: Buffer;
  /** The emulated knowledge bases (the `knowledgeBases` option). */
  knowledgeBases: KnowledgeBaseStore;
  /** When the request arrived (for `latencyMs`). */
  startedAt: number;
  /** Records the decoded request (for `requests()`) and returns the scripted reply, if any. */
  observe(view: Pick<ModelRequestView, 'body' | 'lastUserText'>): ScriptedReply | undefined;
  /** Opens an event-stream response with the active stream faults. */
  openEventStream(): EventStreamWriter;
  /**
   * The active `generationPace` for this operation (counted as it is read), or `undefined`. Ask only for a
   * chat answer: embeddings are not generated.
   */
  generationPace(): GenerationPace | undefined;
  /** Waits `ms` unless the client goes away first; `false` when it did (then write nothing). */
  hold(ms: number): Promise<boolean>;
}
