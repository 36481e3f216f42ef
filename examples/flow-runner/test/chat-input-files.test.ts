/**
 * Files in the flow-runner host: a saved flow whose ChatInput has files (Langflow stores Playground attachments
 * as `<flow id>/<file name>` paths) sends them as Converse image / document blocks, read inside the host's fileRoots;
 * a saved path outside them is refused before any call.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBedrockRegistry } from '../src/components/bedrock-registry';
import { LOCAL_COMPONENTS } from '../src/components/local-components';
import { parseFlow } from '../src/flow/parse-flow';
import { FlowHost } from '../src/host/flow-host';
import { pdfBytes, pngBytes } from '../../../test/support/media-fixtures';
import { startFlowRunnerStack, type FlowRunnerStack } from './support/flow-runner-stack';

const FLOW_ID = 'c6f1e2d0-5a4b-4c1e-9f3a-2b7d1e0c4a01';
const storage = mkdtempSync(join(tmpdir(), 'bf-langflow-storage-'));
mkdirSync(join(storage, FLOW_ID));
writeFileSync(join(storage, FLOW_ID, 'chart.png'), pngBytes(64, 64));
writeFileSync(join(storage, FLOW_ID, 'report.pdf'), pdfBytes());

/** chat.json with the ChatInput's saved `files` set, as Langflow saves a message with attachments. */
function chatFlowWithFiles(files: string[]): string {
  const flow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'flows', 'chat.json'), 'utf8'));
  const chatInput = flow.data.nodes.find((n: { id: string }) => n.id === 'ChatInput-Qx7Lm');
  chatInput.data.node.template.input_value.value = 'What is in these?';
  chatInput.data.node.template.files = { value: files, _input_type: 'FileInput' };
  return JSON.stringify(flow);
}

describe('flow-runner: ChatInput files', () => {
  let stack: FlowRunnerStack;
  beforeAll(async () => {
    stack = await startFlowRunnerStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.resetStats());
  const tweaks = () => ({ AmazonBedrockConverseModel: { endpoint_url: stack.emulator.url } });

  it('an image and a PDF saved on the ChatInput reach Bedrock as image and document blocks', async () => {
    const { emulator, pool, variables } = stack;
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, variables, env: false, fileRoots: [storage] });
    const result = await host.run(parseFlow(chatFlowWithFiles([`${FLOW_ID}/chart.png`, `${FLOW_ID}/report.pdf`])), { tweaks: tweaks() });
    expect(result.text).toBe('Echo: What is in these? [received image/png 64x64, document report.pdf]');
    const content = (emulator.requests().at(-1)?.body as { messages: Array<{ content: Array<Record<string, unknown>> }> }).messages[0]!.content;
    expect(content.map((block) => Object.keys(block)[0])).toEqual(['text', 'image', 'document']);
    expect(emulator.stats().requests.total).toBe(1);
  });

  it('a saved path outside the host\'s fileRoots is refused before any call', async () => {
    const { emulator, pool, variables } = stack;
    const host = new FlowHost({ registry: createBedrockRegistry(), locals: LOCAL_COMPONENTS, pool, variables, env: false, fileRoots: [join(storage, FLOW_ID)] });
    await expect(host.run(parseFlow(chatFlowWithFiles(['../../etc/hostname'])), { tweaks: tweaks() })).rejects.toThrow(
      /input_value\.files\[0\]: is a file path with a "\.\." segment/,
    );
    expect(emulator.stats().requests.total).toBe(0);
  });
});
