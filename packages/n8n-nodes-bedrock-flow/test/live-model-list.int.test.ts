import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { AWS_EMBEDDING_MODEL_IDS, AWS_MODEL_IDS } from '@bedrock-flow/component';
import { TEST_CREDENTIALS, type RunningEmulator } from '@bedrock-flow/emulator';
import { EmbeddingsBedrockFlow, LmChatBedrockFlow, type AwsCredentialData } from '../src';
import { emulatorAwsCredential, useEmulatorAndN8nPool } from './support/emulator-and-n8n-pool';

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
let emu: RunningEmulator;

/** The two load-options functions the list search calls, as n8n's editor backend provides them. */
function loadOptions(credential: AwsCredentialData | undefined): ILoadOptionsFunctions {
  return {
    getCurrentNodeParameter: (name: string) => (name === 'authentication' ? 'awsIam' : undefined),
    getCredentials: async (type: string) => {
      if (type !== 'aws' || !credential) throw new Error('Node does not have any credentials set');
      return credential;
    },
  } as unknown as ILoadOptionsFunctions;
}

const credential = (overrides: Partial<AwsCredentialData> = {}): AwsCredentialData => emulatorAwsCredential(emu, overrides);

useEmulatorAndN8nPool((started) => {
  emu = started;
});

describe('the n8n model list search shows the live list of the node credential', () => {
  test('chat node: the account models with text output and the inference profiles routing to them, filtered; cached per credential', async () => {
    const search = new LmChatBedrockFlow().methods.listSearch.searchModels;
    const all = await search.call(loadOptions(credential()));
    const values = all.results.map((item) => item.value);
    expect(values).toContain(SONNET_45);
    expect(values).toContain(`us.${SONNET_45}`);
    expect(values).toContain(`global.${SONNET_45}`);
    expect(values).not.toContain('amazon.titan-embed-text-v2:0');
    expect(all.results.find((item) => item.value === SONNET_45)?.description).toBe(`inference profile only: us.${SONNET_45}, global.${SONNET_45}`);
    const filtered = await search.call(loadOptions(credential()), 'sonnet 4.5');
    expect(filtered.results.length).toBeGreaterThan(0);
    expect(filtered.results.every((item) => String(item.name).toLowerCase().includes('sonnet 4.5'))).toBe(true);
    // One listing for both searches (cached per credential scope).
    expect(emu.stats().requests.byOperation.ListFoundationModels).toBe(1);
    expect(JSON.stringify(all)).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  test('embeddings node: embedding models only', async () => {
    const { results } = await new EmbeddingsBedrockFlow().methods.listSearch.searchModels.call(loadOptions(credential()));
    expect(results.map((item) => item.value).sort()).toEqual(['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3']);
  });

  test('falls back to the static list, said so, when the account cannot be asked', async () => {
    const refused = await new LmChatBedrockFlow().methods.listSearch.searchModels.call(loadOptions(credential({ secretAccessKey: 'not-the-secret' })));
    expect(refused.results.map((item) => item.value)).toEqual([...AWS_MODEL_IDS]);
    expect(refused.results.every((item) => item.description === 'static list: the account could not be asked (InvalidSignatureException)')).toBe(true);
    const none = await new EmbeddingsBedrockFlow().methods.listSearch.searchModels.call(loadOptions(undefined));
    expect(none.results.map((item) => item.value)).toEqual([...AWS_EMBEDDING_MODEL_IDS]);
    expect(none.results[0]?.description).toMatch(/^static list: the account could not be asked/);
  });
});
