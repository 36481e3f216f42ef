/**
 * Files and reasoning in the real Node-RED runtime: `msg.files` (a Buffer and a data URL) reach the emulator as Converse image
 * and document blocks; a path outside the operator's `bedrockFlow.fileRoots` and an oversize image are refused with
 * 0 requests; with reasoning_effort high on a Claude 4 node (the editor's sampling defaults saved with it) the answer
 * is in msg.payload and the reasoning in msg.bedrock.reasoning.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, nodeRedHelper, settingsAllowingEmulator, useEmulatorForFlows } from './support/node-red-helper';
import { awsCredentials, converseFlow, TAB, type FlowNode } from './support/flows';
import { pdfBytes, pngBytes } from '../../../test/support/media-fixtures';

const awsConfig = require('../nodes/bedrock-aws-config');
const converseNode = require('../nodes/bedrock-converse');
const { currentRuntimePool } = require('../nodes/lib/runtime-pool');
const NODES = [awsConfig, converseNode];

const root = mkdtempSync(join(tmpdir(), 'bf-nr-files-'));
const outside = mkdtempSync(join(tmpdir(), 'bf-nr-outside-'));
writeFileSync(join(root, 'chart.png'), pngBytes(64, 64));
writeFileSync(join(outside, 'private.pdf'), pdfBytes());

// Keys stored in the config node are the host's: the operator allows the emulator (and the files under `root`).
const { settings, allowedHosts } = settingsAllowingEmulator({ releaseGraceMs: 0 });
const helper = nodeRedHelper({ bedrockFlow: { ...(settings.bedrockFlow as object), fileRoots: [root] } });
const emulator = useEmulatorForFlows(helper, currentRuntimePool, allowedHosts);

/** The editor saves every field with its default: the node as a user who only picked the model and the effort. */
const EDITOR_DEFAULTS = { temperature: 0.7, max_tokens: 4096, top_p: 0.9, top_k: 250, stream: false, reasoning_budget_tokens: 0 };

function outcome(): Promise<{ msg?: any; error?: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve) => {
    helper.getNode('out').once('input', (msg: unknown) => resolve({ msg }));
    helper.getNode('caught').once('input', (msg: { error: unknown }) => resolve({ error: msg.error }));
  });
}
const catchNodes: FlowNode[] = [
  { id: 'catch-1', type: 'catch', z: TAB, scope: null, uncaught: false, wires: [['caught']] },
  { id: 'caught', type: 'helper', z: TAB, wires: [] },
];

test('msg.files: a Buffer image, a PDF data URL and an allowed path reach Bedrock as image and document blocks', async () => {
  await helper.load(NODES, converseFlow(emulator(), {}, catchNodes), awsCredentials());
  const result = outcome();
  helper.getNode('converse-1').receive({
    payload: 'What is this?',
    files: [pngBytes(64, 64), `data:application/pdf;base64,${pdfBytes().toString('base64')}`, join(root, 'chart.png')],
  });
  const { msg, error } = await result;
  expect(error).toBeUndefined();
  expect(msg.payload).toBe('Echo: What is this? [received image/png 64x64, document document 2.pdf, image/png 64x64]');
  expect(msg.bedrock.responseMetadata.files.map((f: { kind: string }) => f.kind)).toEqual(['image', 'document', 'image']);
  const content = (emulator().requests().at(-1) as { body: { messages: Array<{ content: unknown[] }> } }).body.messages[0]!.content;
  expect(content.map((block) => Object.keys(block as object)[0])).toEqual(['text', 'image', 'document', 'image']);
});

test.each([
  ['a path outside fileRoots', () => join(outside, 'private.pdf'), /input_value\.files\[0\]: is an absolute file path outside the directories this host allows/],
  ['an oversize image', () => pngBytes(64, 64, 4 * 1024 * 1024), /input_value\.files\[0\]: is a 4 MB image; Bedrock takes images up to 3\.75 MB/],
  ['bytes of an unknown type', () => Buffer.from('just some text'), /input_value\.files\[0\]: is bytes of a type that cannot be told from the bytes/],
])('%s is refused with a Catch-able error and 0 requests', async (_name, file, message) => {
  await helper.load(NODES, converseFlow(emulator(), {}, catchNodes), awsCredentials());
  const result = outcome();
  helper.getNode('converse-1').receive({ payload: 'Read this', files: [file()] });
  const { error } = await result;
  expect(error.message).toMatch(message);
  expect(emulator().stats().requests.byOperation.Converse).toBeUndefined();
});

test('reasoning_effort high on Claude 4 with the editor defaults: answer in msg.payload, reasoning in msg.bedrock.reasoning', async () => {
  await helper.load(
    NODES,
    converseFlow(emulator(), { model_id: 'us.anthropic.claude-sonnet-4-20250514-v1:0', reasoning_effort: 'high', ...EDITOR_DEFAULTS }, catchNodes),
    awsCredentials(),
  );
  await eventually(() => helper.getNode('converse-1').status.lastCall?.args[0]?.text === 'ready');
  const result = outcome();
  helper.getNode('converse-1').receive({ payload: 'Think first' });
  const { msg, error } = await result;
  expect(error).toBeUndefined();
  expect(msg.payload).toBe('Echo: Think first');
  expect(msg.bedrock.reasoning).toBe('The user wrote "Think first". Reply with an echo.');
  expect(msg.bedrock.responseMetadata.reasoning.left_out).toEqual(['temperature', 'top_p', 'top_k']);
});
