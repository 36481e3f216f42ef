import fc from 'fast-check';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { verifySigV4 } from '../src/auth/verify-sigv4';
import { TEST_CREDENTIALS } from '@bedrock-flow/emulator';

const signer = new SignatureV4({ credentials: TEST_CREDENTIALS, region: 'eu-west-3', service: 'bedrock', sha256: Hash.bind(null, 'sha256') });

async function signed(modelId: string, body: string, h2: boolean): Promise<{ method: string; rawUrl: string; headers: Record<string, string>; body: Buffer }> {
  const path = `/model/${encodeURIComponent(modelId)}/invoke`;
  const hostHeader: Record<string, string> = h2 ? { ':authority': '127.0.0.1:4000' } : { host: '127.0.0.1:4000' };
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4000,
    path,
    headers: { ...hostHeader, 'content-type': 'application/json', 'x-amz-user-agent': 'test' },
    body,
  });
  const out = await signer.sign(request);
  return { method: 'POST', rawUrl: path, headers: out.headers as Record<string, string>, body: Buffer.from(body, 'utf8') };
}

describe('verifySigV4 (property-based)', () => {
  const modelIds = fc.stringMatching(/^[a-z0-9.:/_-]{1,60}$/);

  it('accepts whatever the SDK signer signs, over host or :authority', async () => {
    await fc.assert(
      fc.asyncProperty(modelIds, fc.string({ maxLength: 200 }), fc.boolean(), async (modelId, body, h2) => {
        const req = await signed(modelId, body, h2);
        await expect(verifySigV4(req, [TEST_CREDENTIALS])).resolves.toBe(TEST_CREDENTIALS.accessKeyId);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects any change to the body, path or a signed header', async () => {
    await fc.assert(
      fc.asyncProperty(modelIds, fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom('body', 'path', 'header'), async (modelId, body, part) => {
        const req = await signed(modelId, body, false);
        if (part === 'body') req.body = Buffer.from(`${body}!`, 'utf8');
        if (part === 'path') req.rawUrl = req.rawUrl.replace('/invoke', '/converse');
        if (part === 'header') req.headers['x-amz-user-agent'] = 'tampered';
        await expect(verifySigV4(req, [TEST_CREDENTIALS])).rejects.toMatchObject({ code: 'InvalidSignatureException', status: 403 });
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a request dated outside ±5 minutes, and unknown keys', async () => {
    const req = await signed('anthropic.claude-v2', '{}', false);
    await expect(verifySigV4(req, [TEST_CREDENTIALS], new Date(Date.now() + 6 * 60_000))).rejects.toMatchObject({ code: 'InvalidSignatureException' });
    await expect(verifySigV4(req, [{ accessKeyId: 'AKIAOTHER', secretAccessKey: 'x' }])).rejects.toMatchObject({ code: 'UnrecognizedClientException' });
  });

  it('never puts the secret in an error message', async () => {
    const req = await signed('m', '{}', false);
    const error = await verifySigV4(req, [{ ...TEST_CREDENTIALS, secretAccessKey: 'another-secret-value' }]).catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain('another-secret-value');
    expect(JSON.stringify(error)).not.toContain('another-secret-value');
  });
});
