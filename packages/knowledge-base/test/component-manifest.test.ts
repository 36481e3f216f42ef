import { ComponentRegistry } from '@bedrock-flow/component';
import { amazonBedrockKnowledgeBaseRetrieverDefinition } from '../src';

describe('AmazonBedrockKnowledgeBaseRetriever manifest', () => {
  const manifest = JSON.parse(JSON.stringify(new ComponentRegistry([amazonBedrockKnowledgeBaseRetrieverDefinition]).manifest()));
  const entry = manifest.components[0];

  test('lists the knowledge-base inputs, then the AWS inputs (the API key only to refuse it: Bedrock API keys do not cover agent runtime)', () => {
    expect(entry.inputs.map((i: { name: string }) => i.name)).toEqual([
      'knowledge_base_id',
      'search_query',
      'number_of_results',
      'search_type',
      'metadata_filter',
      'reranking_model',
      'use_agentic_retrieval',
      'agentic_model',
      'max_agent_iterations',
      'model_id',
      'aws_access_key_id',
      'aws_secret_access_key',
      'aws_session_token',
      'credentials_profile_name',
      'api_key',
      'region_name',
      'endpoint_url',
      'timeout',
    ]);
  });

  test('three outputs: a Retriever, the scored Search Results and the RetrieveAndGenerate Answer', () => {
    expect(entry.outputs.map((o: { name: string; method: string; types: string[] }) => [o.name, o.method, o.types])).toEqual([
      ['retriever', 'build_retriever', ['Retriever']],
      ['search_results', 'search_documents', ['Data']],
      ['answer', 'retrieve_and_generate', ['Message']],
    ]);
  });

  test('defaults: 5 results, search type DEFAULT, no filter', () => {
    const byName = Object.fromEntries(entry.inputs.map((i: { name: string }) => [i.name, i]));
    expect(byName.number_of_results.value).toBe(5);
    expect(byName.search_type.value).toBe('DEFAULT');
    expect(byName.search_type.options).toEqual(['DEFAULT', 'HYBRID', 'SEMANTIC']);
    expect(byName.metadata_filter.value).toEqual({});
    expect(byName.knowledge_base_id.required).toBe(true);
  });

  test('agentic retrieval is off by default (saved flows keep Retrieve); when on: MANAGED model, Bedrock\'s iterations, an answer', () => {
    const byName = Object.fromEntries(entry.inputs.map((i: { name: string }) => [i.name, i]));
    expect(byName.use_agentic_retrieval).toMatchObject({ value: false, advanced: false });
    expect(byName.agentic_model).toMatchObject({ value: 'MANAGED', options: ['MANAGED'], combobox: true, advanced: true });
    expect(byName.max_agent_iterations.value).toBeUndefined();
  });
});
