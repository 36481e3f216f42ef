import { generate } from 'selfsigned';

/** A PEM key and a self-signed certificate that is also the CA the test's clients trust. */
export interface TestCertificate {
  key: string;
  cert: string;
}

/**
 * A self-signed certificate for `names` (plus localhost and 127.0.0.1), valid for a day. The TLS front of the AWS name
 * and the attacker both present it: a real attacker holds a valid certificate for its own name, so the attacker must
 * be reachable over https to show that nothing is sent to it, rather than a handshake failure hiding a leak.
 */
export async function generateTestCertificate(names: readonly string[]): Promise<TestCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const pems = await generate([{ name: 'commonName', value: names[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...names.map((value) => ({ type: 2 as const, value })), { type: 2 as const, value: 'localhost' }, { type: 7 as const, ip: '127.0.0.1' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
