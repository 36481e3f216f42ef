import fc from 'fast-check';
import { ComponentValidationError, mergeDicts } from '../src';

describe('mergeDicts', () => {
  it('merges in order, last wins, shallowly', () => {
    expect(mergeDicts([{ a: 1, n: { x: 1 } }, { b: 2 }, { a: 3, n: { y: 2 } }])).toEqual({ a: 3, b: 2, n: { y: 2 } });
    expect(mergeDicts({ top_k: 5 })).toEqual({ top_k: 5 });
    expect(mergeDicts(undefined)).toEqual({});
    expect(mergeDicts(null)).toEqual({});
    expect(mergeDicts([])).toEqual({});
  });

  it('rejects non-dicts with a ComponentValidationError naming the item', () => {
    for (const bad of [[1], ['a'], [[{ a: 1 }]], [null], 'x', 5, [new Date()]]) {
      let error: unknown;
      try {
        mergeDicts(bad, { field: 'model_kwargs', component: 'AmazonBedrockModel' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ComponentValidationError);
      const validation = error as ComponentValidationError;
      expect(validation.code).toBe('ERR_COMPONENT_VALIDATION_FAILED');
      expect(validation.issues[0]?.field).toBe('model_kwargs');
      expect(validation.issues[0]?.problem).toMatch(/not a dict|not a plain object/);
    }
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the %s key at any depth and never pollutes prototypes', (key) => {
    const top = JSON.parse(`{"${key}": {"polluted": true}}`);
    const nested = JSON.parse(`{"a": {"b": [{"${key}": {"polluted": true}}]}}`);
    expect(() => mergeDicts([top])).toThrow(new RegExp(`forbidden key "${key}"`));
    expect(() => mergeDicts([{ ok: 1 }, nested])).toThrow(/forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('equals Object.assign over safe dicts (property)', () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
    const dict = fc.dictionary(key, fc.oneof(fc.integer(), fc.string(), fc.boolean()), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(dict, { maxLength: 5 }), (dicts) => {
        expect(mergeDicts(dicts)).toEqual(Object.assign({}, ...dicts));
      }),
    );
  });
});
