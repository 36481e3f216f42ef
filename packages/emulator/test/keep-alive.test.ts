import https from 'node:https';
import { startEmulator } from '@bedrock-flow/emulator';

describe('HTTP/1.1 keep-alive over TLS', () => {
  // Node 24 gave the HTTP/1.1 fallback of an h2 server a 5 s keep-alive timeout (Node 20 and 22: none), so
  // idle pooled connections closed after 4-5 s there and a warm client had to reconnect (a second handshake).
  it('keeps idle connections for 60 s on every Node version, as the cleartext server does', async () => {
    const emu = await startEmulator({ tls: true });
    const agent = new https.Agent({ keepAlive: true, ca: emu.ca });
    try {
      const get = (): Promise<string> =>
        new Promise((resolve, reject) => {
          https.get(`${emu.url}/ping`, { agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(String(res.headers['keep-alive'])));
          }).on('error', reject);
        });
      expect(await get()).toBe('timeout=60');
      expect(await get()).toBe('timeout=60');
      expect(emu.stats().connections.accepted).toBe(1);
      expect(emu.stats().tls.handshakes).toBe(1);
    } finally {
      agent.destroy();
      await emu.close();
    }
  });
});
