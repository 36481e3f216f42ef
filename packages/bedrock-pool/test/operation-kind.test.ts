import { operationKindOf } from '../src';

describe('operationKindOf: what a call is, for its default wait and whether it is retried after it was sent', () => {
  test.each([
    ['ConverseCommand', { modelId: 'anthropic.claude-opus-4-1-20250805-v1:0' }, 'generation'],
    ['ConverseStreamCommand', { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }, 'stream'],
    ['InvokeModelWithResponseStreamCommand', { modelId: 'meta.llama3-8b-instruct-v1:0' }, 'stream'],
    ['InvokeModelCommand', { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }, 'generation'],
    ['InvokeModelCommand', { modelId: 'stability.sd3-5-large-v1:0' }, 'generation'],
    ['InvokeModelCommand', { modelId: 'amazon.titan-embed-text-v2:0' }, 'embedding'],
    ['InvokeModelCommand', { modelId: 'cohere.embed-multilingual-v3' }, 'embedding'],
    ['InvokeModelCommand', { modelId: 'us.cohere.embed-v4:0' }, 'embedding'],
    ['InvokeModelCommand', { modelId: 'amazon.nova-2-multimodal-embeddings-v1:0' }, 'embedding'],
    ['InvokeModelCommand', { modelId: 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3' }, 'generation'],
    ['RetrieveAndGenerateCommand', { input: { text: 'q' } }, 'generation'],
    ['RetrieveAndGenerateStreamCommand', { input: { text: 'q' } }, 'stream'],
    // A model plans the sub-queries and (by default) answers: billed, so not retried once written; events, so a silence bound.
    ['AgenticRetrieveStreamCommand', { messages: [{ role: 'user', content: { text: 'q' } }] }, 'stream'],
    ['RetrieveCommand', { knowledgeBaseId: 'KB1' }, 'other'],
    ['ApplyGuardrailCommand', { guardrailIdentifier: 'g' }, 'other'],
    ['CountTokensCommand', { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' }, 'other'],
    [undefined, undefined, 'other'],
  ] as const)('%s on %j is %s', (command, input, kind) => {
    expect(operationKindOf(command, input)).toBe(kind);
  });
});
