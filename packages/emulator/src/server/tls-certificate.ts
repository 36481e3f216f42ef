import { randomBytes } from 'node:crypto';
import { generate } from 'selfsigned';

/** A PEM key and certificate; the certificate is also the CA clients trust. */
export interface TlsCertificate {
  key: string;
  cert: string;
}

/**
 * Generates a self-signed certificate for `localhost`, `127.0.0.1` and `::1`, valid for a day,
 * so HTTPS clients can trust it by passing the PEM as `ca`. Its subject is unique to this emulator (`localhost`
 * plus an organisation name with random hex): a client trusting two emulators at once (a bundle of both PEMs, e.g.
 * Bedrock Runtime and agent runtime as two hosts) finds each server's own issuer, where two identical subjects would
 * make OpenSSL try the first one only.
 */
export async function generateTlsCertificate(): Promise<TlsCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: `bedrock-emulator ${randomBytes(6).toString('hex')}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}
