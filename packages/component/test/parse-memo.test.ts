import { z } from 'zod';
import { baseUi, createInputSpec, findEndpointUrlProblem, InputProblem } from '../src';

/** Rebuilds with the same values skip the zod run; any other value, and every secret, is still parsed. */
describe('parse memo of an input spec and of the endpoint check', () => {
  const counted = () => {
    let runs = 0;
    const schema = z.string().refine((value) => {
      runs += 1;
      return value.startsWith('ok');
    }, 'must start with ok');
    return { schema, runs: () => runs };
  };
  const resolve = () => undefined;

  test('the same primitive is parsed once; a different one again; a bad one stays bad', () => {
    const { schema, runs } = counted();
    const spec = createInputSpec<string>({ kind: 'StrInput', ui: baseUi({ displayName: 'x' }), schema, allowed: 'ok…' });
    expect(spec.parse('ok-1', resolve)).toEqual({ ok: true, value: 'ok-1' });
    expect(spec.parse('ok-1', resolve)).toEqual({ ok: true, value: 'ok-1' });
    expect(runs()).toBe(1);
    expect(spec.parse('bad', resolve)).toMatchObject({ ok: false, problem: 'must start with ok' });
    expect(spec.parse('bad', resolve)).toMatchObject({ ok: false });
    expect(spec.parse('ok-1', resolve)).toEqual({ ok: true, value: 'ok-1' });
    expect(runs()).toBe(3);
  });

  test('secret specs and object values are parsed every time (nothing kept)', () => {
    const secret = counted();
    const secretSpec = createInputSpec<string>({ kind: 'SecretStrInput', ui: baseUi({ displayName: 's' }), schema: secret.schema, allowed: 'ok…', secret: true });
    secretSpec.parse('ok-secret', resolve);
    secretSpec.parse('ok-secret', resolve);
    expect(secret.runs()).toBe(2);
    let objectRuns = 0;
    const objectSpec = createInputSpec<Record<string, unknown>>({
      kind: 'DictInput',
      ui: baseUi({ displayName: 'd' }),
      schema: z.record(z.string(), z.unknown()).refine(() => (objectRuns += 1) > 0),
      allowed: 'a dict',
    });
    const value = { a: 1 };
    objectSpec.parse(value, resolve);
    objectSpec.parse(value, resolve);
    expect(objectRuns).toBe(2);
  });

  test('a normaliser problem is never memoized away', () => {
    const spec = createInputSpec<string>({
      kind: 'StrInput',
      ui: baseUi({ displayName: 'n' }),
      schema: z.string(),
      allowed: 'not "no"',
      normalize: (raw) => (raw === 'no' ? new InputProblem('is no') : raw),
    });
    expect(spec.parse('yes', resolve)).toEqual({ ok: true, value: 'yes' });
    expect(spec.parse('no', resolve)).toEqual({ ok: false, problem: 'is no' });
  });

  test('the endpoint check remembers only an accepted URL', () => {
    expect(findEndpointUrlProblem('https://127.0.0.1:4000')).toBeUndefined();
    expect(findEndpointUrlProblem('https://127.0.0.1:4000')).toBeUndefined();
    expect(findEndpointUrlProblem('https://user:pw@127.0.0.1:4000')).toMatch(/credentials/);
    expect(findEndpointUrlProblem('https://user:pw@127.0.0.1:4000')).toMatch(/credentials/);
    expect(findEndpointUrlProblem('ftp://127.0.0.1')).toMatch(/scheme/);
    expect(findEndpointUrlProblem('https://127.0.0.1:4000')).toBeUndefined();
  });
});
