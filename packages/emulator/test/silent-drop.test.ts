import http2 from 'node:http2';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { EmulatorOptionsError, startEmulator } from '@bedrock-flow/emulator';
import { keepAliveClient, userMessage } from './support/clients';
import { pingAcked } from './support/http2-probes';
import { waitFor } from './support/wait-for';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const converse = (text: string): ConverseCommand => new ConverseCommand({ modelId: MODEL, messages: [userMessage(text)] });

describe.each([false, true])('a silently dropped idle connection (tls=%s)', (tls) => {
  it('dropIdleConnections(): the next call on the warm connection never reaches the emulator and nothing is closed', async () => {
    const emu = await startEmulator({ tls, proxy: true });
    // A 1 s silence bound, one attempt: the call into the dropped connection surfaces as a timeout.
    const single = keepAliveClient(emu, { maxAttempts: 1 }, { requestTimeout: 1000, throwOnRequestTimeout: true });
    try {
      await single.client.send(converse('warm'));
      expect(emu.dropIdleConnections()).toBe(1);
      await expect(single.client.send(converse('into the drop'))).rejects.toMatchObject({ name: 'TimeoutError' });
      const stats = emu.stats();
      // The request was lost on the way: never billed. The emulator's side was never closed either.
      expect(stats.requests.byOperation).toEqual({ Converse: 1 });
      expect(stats.faults).toEqual({ silentDrop: 1 });
      expect(stats.connections.open).toBe(1);
    } finally {
      single.destroy();
      await emu.close();
    }
  });

  it('a client that retries a timeout re-sends on a new connection: one request billed, two connections', async () => {
    const emu = await startEmulator({ tls, proxy: true });
    const retrying = keepAliveClient(emu, { maxAttempts: 2 }, { requestTimeout: 1000, throwOnRequestTimeout: true });
    try {
      await retrying.client.send(converse('warm'));
      emu.resetStats();
      emu.dropIdleConnections();
      const out = await retrying.client.send(converse('second try'));
      expect(out.output?.message?.content?.[0]?.text).toBe('Echo: second try');
      expect(out.$metadata.attempts).toBe(2);
      const stats = emu.stats();
      expect(stats.requests.byOperation).toEqual({ Converse: 1 });
      expect(stats.connections.accepted).toBe(1);
    } finally {
      retrying.destroy();
      await emu.close();
    }
  });
});

describe('silent drops', () => {
  it('natIdleTimeoutMs drops a connection idle that long, as a NAT does, and only once it is idle', async () => {
    const emu = await startEmulator({ natIdleTimeoutMs: 300 });
    const single = keepAliveClient(emu, { maxAttempts: 1 }, { requestTimeout: 1000, throwOnRequestTimeout: true });
    try {
      await single.client.send(converse('warm'));
      await waitFor(() => emu.stats().faults['silentDrop'] === 1);
      await expect(single.client.send(converse('after the NAT forgot'))).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(emu.stats().requests.byOperation).toEqual({ Converse: 1 });
    } finally {
      single.destroy();
      await emu.close();
    }
  });

  it('an HTTP/2 PING on a dropped connection is never acknowledged; on a live one it is', async () => {
    const emu = await startEmulator({ proxy: true, auth: 'none' });
    const session = http2.connect(emu.url);
    session.on('error', () => undefined);
    try {
      await new Promise<void>((resolve) => session.once('connect', () => resolve()));
      expect(await pingAcked(session, 2000)).toBe(true);
      expect(emu.dropIdleConnections()).toBe(1);
      expect(await pingAcked(session, 1000)).toBe(false);
      expect(session.closed || session.destroyed).toBe(false);
    } finally {
      session.destroy();
      await emu.close();
    }
  });

  it('idleForMs leaves connections used more recently alone', async () => {
    const emu = await startEmulator({ proxy: true });
    const pooled = keepAliveClient(emu);
    try {
      await pooled.client.send(converse('recent'));
      expect(emu.dropIdleConnections({ idleForMs: 60_000 })).toBe(0);
      await pooled.client.send(converse('still alive'));
      expect(emu.stats().connections.accepted).toBe(1);
      expect(emu.stats().faults).toEqual({});
    } finally {
      pooled.destroy();
      await emu.close();
    }
  });

  it('without the proxy, or with a bad idleForMs, dropIdleConnections() throws a coded error', async () => {
    const direct = await startEmulator();
    const proxied = await startEmulator({ proxy: true });
    try {
      expect(() => direct.dropIdleConnections()).toThrow(expect.objectContaining({ code: 'ERR_EMULATOR_INVALID_OPTION', field: 'proxy' }));
      expect(() => proxied.dropIdleConnections({ idleForMs: -1 })).toThrow(EmulatorOptionsError);
      expect(() => proxied.dropIdleConnections({ idleForMs: -1 })).toThrow(/idleForMs.*finite number >= 0/);
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});
