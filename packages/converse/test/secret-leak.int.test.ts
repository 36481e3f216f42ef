import { inspect } from 'node:util';
import type { BedrockPool } from '@bedrock-flow/bedrock-pool';
import { createComponent } from '@bedrock-flow/component';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { amazonBedrockConverseDefinition } from '../src';
import { useEmulatorAndPool } from './support/emulator-and-pool';

let emu: RunningEmulator;
let pool: BedrockPool;
useEmulatorAndPool((started) => ({ emu, pool } = started));

describe('secrets stay hidden', () => {
  it('neither the instance, its values nor the built model show the secret key or session token', async () => {
    const sessionToken = 'session-token-that-must-not-leak-42';
    const logged: unknown[] = [];
    const logger = { debug: (message: string, fields?: Record<string, unknown>) => { logged.push([message, fields]); } };
    const instance = createComponent(
      amazonBedrockConverseDefinition,
      { graphId: 'flow-leak', nodeId: 'AmazonBedrockConverseModel-Leak', pool, env: {}, logger },
      {
        endpoint_url: emu.url,
        aws_access_key_id: TEST_CREDENTIALS.accessKeyId,
        aws_secret_access_key: TEST_CREDENTIALS.secretAccessKey,
        aws_session_token: sessionToken,
        input_value: 'hi',
      },
    );
    const model = instance.build_model();
    const shown = [
      inspect(instance, { depth: 6 }),
      JSON.stringify(instance),
      JSON.stringify(instance.values),
      inspect(model, { depth: 8 }),
      JSON.stringify(model),
      JSON.stringify(pool.metrics()),
      JSON.stringify(logged),
    ].join('\n');
    expect(logged).toEqual([['build_model: leased pooled client', expect.objectContaining({ credentials: 'static', region: 'us-east-1' })]]);
    expect(Object.isFrozen(instance.values)).toBe(true);
    expect(shown).toContain('[REDACTED]');
    expect(shown).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    expect(shown).not.toContain(sessionToken);
  });
});
