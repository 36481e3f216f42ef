import { createComponent, defineComponent, floatInput, intInput, messageTextInput, type ComponentContext, type InputSpecs } from '../src';

/** A component with `inputs` whose one output returns `'ok'`. */
const probe = <I extends InputSpecs>(name: string, inputs: I, misplacedInputHint?: string) =>
  defineComponent({ name, displayName: name, description: name, icon: 'Amazon', category: 'models', inputs, outputs: [{ name: 'out', displayName: 'Out', method: 'run', types: ['Data'] }], methods: { run: () => 'ok' }, ...(misplacedInputHint ? { misplacedInputHint } : {}) });

const withTemperature = probe('SamplingProbe', { temperature: floatInput({ displayName: 'Temperature' }), max_tokens: intInput({ displayName: 'Max Tokens', min: 1 }) });
const withoutTemperature = probe('PlainProbe', { input_value: messageTextInput({ displayName: 'Input' }) }, 'PlainProbe takes sampling settings in its text.');

const noPool = { acquire: () => { throw new Error('no network in this test'); } };

function context(nodeId: string, warnings: Array<[string, Record<string, unknown> | undefined]>): ComponentContext {
  return { graphId: 'g', nodeId, pool: noPool, env: false, logger: { warn: (message, fields) => void warnings.push([message, fields]) } };
}

describe('a value for an input the component does not have but another has', () => {
  test('is ignored with one warning per node that names where the input belongs, never the value', () => {
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    for (let run = 0; run < 3; run++) createComponent(withoutTemperature, context('Plain-1', warnings), { input_value: 'hi', temperature: 0.987654 });
    expect(warnings).toHaveLength(1);
    const [message, fields] = warnings[0]!;
    expect(message).toBe('PlainProbe has no input "temperature", so its value is ignored; "temperature" is an input of SamplingProbe. PlainProbe takes sampling settings in its text.');
    expect(fields).toEqual({ component: 'PlainProbe', field: 'temperature', belongsTo: expect.arrayContaining(['SamplingProbe']), graphId: 'g', nodeId: 'Plain-1' });
    expect(JSON.stringify(warnings)).not.toContain('0.987654');
    // Another node of the same component warns for itself.
    createComponent(withoutTemperature, context('Plain-2', warnings), { temperature: 0.5 });
    expect(warnings).toHaveLength(2);
  });

  test('inputs no component has, empty values and the component\'s own inputs give no warning', () => {
    const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
    createComponent(withoutTemperature, context('Plain-3', warnings), { input_value: 'hi', no_such_input_anywhere: 1, max_tokens: '' });
    createComponent(withTemperature, context('Sampling-1', warnings), { temperature: 0.5 });
    expect(warnings).toEqual([]);
  });
});
