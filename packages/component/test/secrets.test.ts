import { inspect } from 'node:util';
import { createVariableResolver, resolveSecretInput, Secret } from '../src';

const VALUE = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('Secret', () => {
  it('redacts itself in String, template, JSON and inspect, and reveals on request', () => {
    const secret = new Secret(VALUE, { kind: 'variable', name: 'AWS_SECRET_ACCESS_KEY' });
    expect(String(secret)).toBe('[REDACTED]');
    expect(`${secret}`).toBe('[REDACTED]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[REDACTED]"}');
    expect(inspect({ nested: { secret } }, { depth: 5, showHidden: true })).not.toContain(VALUE);
    expect(inspect(secret)).toContain('AWS_SECRET_ACCESS_KEY');
    expect(secret.reveal()).toBe(VALUE);
  });
});

describe('createVariableResolver', () => {
  it('looks in host variables first, then the environment; empty counts as unset', () => {
    const resolve = createVariableResolver({ A: 'host', E: '' }, { env: { A: 'env', B: 'env-b', E: 'env-e' } });
    expect(resolve('A')).toBe('host');
    expect(resolve('B')).toBe('env-b');
    expect(resolve('E')).toBe('env-e');
    expect(resolve('C')).toBeUndefined();
  });

  it('takes a function or a Map, and can turn the env fallback off', () => {
    expect(createVariableResolver((name) => (name === 'X' ? '1' : undefined), { env: { Y: '2' } })('Y')).toBe('2');
    expect(createVariableResolver(new Map([['X', 'm']]), { env: false })('X')).toBe('m');
    expect(createVariableResolver({}, { env: false })('PATH')).toBeUndefined();
    expect(createVariableResolver(undefined, { env: { toString: 'x' } })('hasOwnProperty')).toBeUndefined();
  });
});

describe('resolveSecretInput (Langflow load_from_db semantics)', () => {
  const resolve = createVariableResolver({ AWS_ACCESS_KEY_ID: 'AKIDHOST' }, { env: { FROM_ENV: 'envval' } });
  const reveal = (raw: unknown) => {
    const result = resolveSecretInput(raw, resolve);
    if (!result.ok) throw new Error(result.problem);
    return result.secret?.reveal();
  };

  it('takes a plain string as the value itself', () => {
    expect(reveal('AKIDLITERAL')).toBe('AKIDLITERAL');
    expect(reveal('AWS_ACCESS_KEY_ID')).toBe('AWS_ACCESS_KEY_ID');
  });

  it('resolves { variable } and { value, load_from_db: true } from host variables, then env', () => {
    expect(reveal({ variable: 'AWS_ACCESS_KEY_ID' })).toBe('AKIDHOST');
    expect(reveal({ variable: 'FROM_ENV' })).toBe('envval');
    expect(reveal({ value: 'AWS_ACCESS_KEY_ID', load_from_db: true })).toBe('AKIDHOST');
    expect(reveal({ value: 'lit', load_from_db: false })).toBe('lit');
  });

  it('makes an unresolved name, null and "" unset', () => {
    expect(reveal({ variable: 'MISSING' })).toBeUndefined();
    expect(reveal(null)).toBeUndefined();
    expect(reveal('')).toBeUndefined();
    expect(reveal(undefined)).toBeUndefined();
  });

  it('rejects other shapes without echoing them', () => {
    const result = resolveSecretInput(12345, resolve);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('12345');
    expect(resolveSecretInput({ variable: 'bad name!' }, resolve).ok).toBe(false);
  });
});
