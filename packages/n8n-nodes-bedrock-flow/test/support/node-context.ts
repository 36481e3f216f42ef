import type { IExecuteFunctions, INode, ISupplyDataFunctions } from 'n8n-workflow';
import type { AwsCredentialData } from '../../src';

/** What a test node runs with: its workflow and node ids, its `aws` credential and its parameter values. */
export interface NodeSetup {
  workflowId?: string;
  nodeId?: string;
  credential: AwsCredentialData;
  parameters: Record<string, unknown>;
  items?: number;
  continueOnFail?: boolean;
}

/**
 * The few n8n execution functions the bedrock-flow nodes call (`getCredentials`, `getNodeParameter` with
 * `extractValue` for resource locators, `getNode`, `getWorkflow`, `getInputData`, `continueOnFail`), for in-process
 * tests of the node builders against the emulator. The real-host test (`n8n.host.test.ts`) covers n8n itself.
 */
export function nodeContext(setup: NodeSetup): ISupplyDataFunctions & IExecuteFunctions {
  const node: INode = {
    id: setup.nodeId ?? 'node-1',
    name: 'Bedrock',
    type: 'test',
    typeVersion: 1,
    position: [0, 0],
    parameters: {},
  };
  const context = {
    getNode: () => node,
    getWorkflow: () => ({ id: setup.workflowId ?? 'workflow-1', name: 'test', active: true }),
    getCredentials: async () => ({ ...setup.credential }),
    getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
      const value = Object.hasOwn(setup.parameters, name) ? setup.parameters[name] : fallback;
      if (options?.extractValue && value && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
      return value;
    },
    getInputData: () => Array.from({ length: setup.items ?? 1 }, (_, i) => ({ json: { i } })),
    continueOnFail: () => setup.continueOnFail ?? false,
    getExecutionCancelSignal: () => undefined,
  };
  return context as unknown as ISupplyDataFunctions & IExecuteFunctions;
}
