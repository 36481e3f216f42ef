import { HumanMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { ModelValidationError, mergeModelKwargs, toToolChoiceSpec, toToolSpecs } from '../src';

describe('mergeModelKwargs', () => {
  test('kwargs override defaults, nested objects merge key by key, arrays are replaced', () => {
    const body = { inputText: 'x', textGenerationConfig: { maxTokenCount: 10, topP: 0.9 }, stop: ['a'] };
    expect(mergeModelKwargs(body, { textGenerationConfig: { topP: 0.5 }, stop: ['b'], extra: 1 })).toEqual({
      inputText: 'x',
      textGenerationConfig: { maxTokenCount: 10, topP: 0.5 },
      stop: ['b'],
      extra: 1,
    });
    expect(body.textGenerationConfig.topP).toBe(0.9);
    expect(mergeModelKwargs(body, undefined)).toBe(body);
  });
});

describe('tool specs', () => {
  const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

  test('LangChain tools, OpenAI definitions, Anthropic-native tools and ToolSpecs all become ToolSpecs', () => {
    const lcTool = tool(async () => 'x', { name: 'weather', description: 'W', schema: z.object({ city: z.string() }) });
    const specs = toToolSpecs([
      lcTool,
      { type: 'function', function: { name: 'openai_fn', description: 'O', parameters: schema } },
      { name: 'native', description: 'N', input_schema: schema },
      { name: 'spec', parameters: schema },
    ]);
    expect(specs.map((s) => s.name)).toEqual(['weather', 'openai_fn', 'native', 'spec']);
    expect(specs[0]!.parameters).toMatchObject({ type: 'object', properties: { city: { type: 'string' } } });
    expect(specs[1]).toEqual({ name: 'openai_fn', description: 'O', parameters: schema });
    expect(specs[2]).toEqual({ name: 'native', description: 'N', parameters: schema });
    // Converting again gives the same specs (bound tools pass through call options).
    expect(toToolSpecs(specs)).toEqual(specs);
  });

  test('a tool without name or schema is a validation error', () => {
    expect(() => toToolSpecs([{ description: 'nameless' }])).toThrow(
      expect.objectContaining({ code: 'ERR_MODEL_INVALID_TOOL', field: 'tools' }),
    );
    expect(() => toToolSpecs([new HumanMessage('x') as never])).toThrow(ModelValidationError);
  });

  test('tool_choice vocabulary', () => {
    expect(toToolChoiceSpec(undefined)).toBeUndefined();
    expect(toToolChoiceSpec('auto')).toBe('auto');
    expect(toToolChoiceSpec('any')).toBe('any');
    expect(toToolChoiceSpec('required')).toBe('any');
    expect(toToolChoiceSpec('none')).toBe('none');
    expect(toToolChoiceSpec('weather')).toEqual({ name: 'weather' });
    expect(toToolChoiceSpec({ type: 'function', function: { name: 'weather' } })).toEqual({ name: 'weather' });
    expect(toToolChoiceSpec({ type: 'tool', name: 'weather' })).toEqual({ name: 'weather' });
  });
});
