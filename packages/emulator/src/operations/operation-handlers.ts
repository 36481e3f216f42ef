import type { ControlPlaneOperation, EmulatorOperation } from '../types';
import { handleAgenticRetrieveStream } from './agentic-retrieve-stream';
import { handleApplyGuardrail } from './apply-guardrail';
import { handleConverse } from './converse';
import { handleConverseStream } from './converse-stream';
import { handleCountTokens } from './count-tokens';
import { handleInvokeModel } from './invoke-model';
import { handleInvokeModelStream } from './invoke-model-stream';
import type { OperationContext } from './operation-context';
import { handleRetrieve } from './retrieve';
import { handleRetrieveAndGenerate } from './retrieve-and-generate';

/** The handler of each operation. */
export const OPERATION_HANDLERS: Record<Exclude<EmulatorOperation, ControlPlaneOperation>, (ctx: OperationContext) => Promise<void>> = {
  Converse: handleConverse,
  ConverseStream: handleConverseStream,
  InvokeModel: handleInvokeModel,
  InvokeModelWithResponseStream: handleInvokeModelStream,
  CountTokens: handleCountTokens,
  ApplyGuardrail: handleApplyGuardrail,
  Retrieve: handleRetrieve,
  RetrieveAndGenerate: handleRetrieveAndGenerate,
  AgenticRetrieveStream: handleAgenticRetrieveStream,
};
