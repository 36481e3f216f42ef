import { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { ComponentRegistry } from '@bedrock-flow/component';
import { startEmulator, TEST_CREDENTIALS } from '@bedrock-flow/emulator';
import { amazonBedrockConverseDefinition } from '@bedrock-flow/converse';

/** What {@link runConverseExample} observed, for the README and its test. */
export interface ConverseExampleResult {
  paletteInputs: number;
  invoked: string;
  streamedTokens: string[];
  modelReply: string;
  connections: number;
  requests: number;
}

/**
 * Registers the component, builds it twice as a host would on two runs of one saved flow, and calls both outputs
 * against a local Bedrock emulator over HTTPS. Everything it opens, it closes.
 */
export async function runConverseExample(log: (line: string) => void = console.log): Promise<ConverseExampleResult> {
  const emu = await startEmulator({ tls: true });
  const pool = new BedrockPool({ defaults: { tls: { ca: emu.ca! } } });
  try {
    // 1. The palette: one registry, one manifest (plain JSON, no secret values).
    const registry = new ComponentRegistry([amazonBedrockConverseDefinition]);
    const [entry] = registry.manifest().components;
    log(`palette: ${entry!.displayName} with ${entry!.inputs.length} inputs`);

    // 2. A saved flow's node values (tweaks). Secrets may also be { variable: 'NAME' }.
    const values = {
      endpoint_url: emu.url,
      aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
      aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
      system_message: 'Answer briefly.',
      input_value: 'Hello Bedrock',
    };
    const ctx = { graphId: 'flow-42', nodeId: 'AmazonBedrockConverseModel-AbC12', pool };

    // 3. Run 1: "Model Response" output, invoked.
    const run1 = registry.create('AmazonBedrockConverseModel', ctx, values);
    const invoked = (await run1.output('text_output')) as { text: string };
    log(`text_response: ${invoked.text}`);

    // 4. Run 2 (the graph is rebuilt): streamed response, then the "Language Model" output used by LangChain code.
    const run2 = registry.create('AmazonBedrockConverseModel', ctx, { ...values, stream: true });
    const streamedTokens: string[] = [];
    await run2.output('text_output', { onToken: (token: string) => { streamedTokens.push(token); } });
    log(`streamed tokens: ${JSON.stringify(streamedTokens)}`);
    const model = run2.output('model_output') as { invoke(input: string): Promise<{ content: unknown }> };
    const reply = await model.invoke('And again');
    log(`build_model().invoke: ${String(reply.content)}`);

    const stats = emu.stats();
    log(`emulator: ${stats.requests.total} requests over ${stats.connections.accepted} connection(s)`);
    return {
      paletteInputs: entry!.inputs.length,
      invoked: invoked.text,
      streamedTokens,
      modelReply: String(reply.content),
      connections: stats.connections.accepted,
      requests: stats.requests.total,
    };
  } finally {
    await pool.close();
    await emu.close();
  }
}
