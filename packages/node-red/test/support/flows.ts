import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';

/** A Node-RED flow node as the tests deploy it. */
export type FlowNode = Record<string, unknown> & { id: string; type: string };

/** Tab id of every test flow. */
export const TAB = 'tab-1';

/** A chat model the emulator answers with `Echo: <last user text>`. */
export const CHAT_MODEL = 'us.anthropic.claude-3-5-haiku-20241022-v1:0';

/** The config node pointing at the emulator (trusting its CA), and its credentials in Node-RED's credential form. */
export function awsConfigNode(emu: RunningEmulator, overrides: Record<string, unknown> = {}): FlowNode {
  return { id: 'aws-1', type: 'bedrock-aws-config', name: 'emulator', region: 'us-east-1', endpoint: emu.url, profile: '', ca: emu.ca ?? '', ...overrides };
}

/** Credentials of {@link awsConfigNode}, keyed by node id as `helper.load`/`setFlows` take them. */
export function awsCredentials(): Record<string, Record<string, string>> {
  return { 'aws-1': { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey } };
}

/** The tab, the config node, a converse node wired to a helper node `out`, and `extra` nodes. */
export function converseFlow(emu: RunningEmulator, converse: Record<string, unknown> = {}, extra: FlowNode[] = []): FlowNode[] {
  return [
    { id: TAB, type: 'tab', label: 'bedrock' },
    awsConfigNode(emu),
    { id: 'converse-1', type: 'bedrock-converse', z: TAB, name: '', aws: 'aws-1', model_id: CHAT_MODEL, wires: [['out']], ...converse },
    { id: 'out', type: 'helper', z: TAB, wires: [] },
    ...extra,
  ];
}
