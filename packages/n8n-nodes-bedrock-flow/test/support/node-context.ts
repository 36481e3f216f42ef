import type { IExecuteFunctions, INode, ISupplyDataFunctions } from 'n8n-workflow';
import { AUTHENTICATION_PARAMETER, nodeCredentials, type AwsCredentialData, type BedrockApiKeyCredentialData } from '../../src';

/** What a test node runs with: its workflow and node ids, its credential and its parameter values. */
export interface NodeSetup {
  workflowId?: string;
  nodeId?: string;
  /** The node's one credential, of type `credentialType`. */
  credential: AwsCredentialData | BedrockApiKeyCredentialData;
  /** The type of `credential`: `aws` (default) or `bedrockFlowApiKey`. */
  credentialType?: string;
  parameters: Record<string, unknown>;
  items?: number;
  continueOnFail?: boolean;
  /** Filled by the context: every credential type the node asked for, in order. */
  credentialReads?: string[];
}

/**
 * The few n8n execution functions the bedrock-flow nodes call (`getCredentials`, `getNodeParameter` with
 * `extractValue` for resource locators, `getNode`, `getWorkflow`, `getInputData`, `continueOnFail`), for in-process
 * tests of the node builders against the emulator. The real-host test (`n8n.host.test.ts`) covers n8n itself.
 * `getCredentials` refuses as n8n does: a type whose `displayOptions` the node's `authentication` hides
 * ("Credentials not found"), or a type the node has no credential of.
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
  const reads = (setup.credentialReads ??= []);
  const parameter = (name: string, fallback?: unknown): unknown => (Object.hasOwn(setup.parameters, name) ? setup.parameters[name] : fallback);
  const context = {
    getNode: () => node,
    getWorkflow: () => ({ id: setup.workflowId ?? 'workflow-1', name: 'test', active: true }),
    getCredentials: async (type: string) => {
      reads.push(type);
      const description = nodeCredentials.find((credential) => credential.name === type);
      if (!description) throw new Error(`Node type "test" does not have any credentials of type "${type}" defined`);
      const shownFor = description.displayOptions?.show?.[AUTHENTICATION_PARAMETER] as unknown[] | undefined;
      if (shownFor && !shownFor.includes(parameter(AUTHENTICATION_PARAMETER, 'awsIam'))) throw new Error('Credentials not found');
      if (type !== (setup.credentialType ?? 'aws')) throw new Error(`Node does not have any credentials set for "${type}"`);
      return { ...setup.credential };
    },
    getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown, options?: { extractValue?: boolean }) => {
      const value = parameter(name, fallback);
      if (options?.extractValue && value && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
      return value;
    },
    getInputData: () => Array.from({ length: setup.items ?? 1 }, (_, i) => ({ json: { i } })),
    continueOnFail: () => setup.continueOnFail ?? false,
    getExecutionCancelSignal: () => undefined,
  };
  return context as unknown as ISupplyDataFunctions & IExecuteFunctions;
}
