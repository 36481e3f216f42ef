import type { Socket } from 'node:net';
import { recordOf } from './connection-record';

/** The part of a libuv stream handle the blackhole needs (`net.Socket#_handle`, not public API). */
interface StreamHandle {
  readStop(): number;
  readStart(): number;
}

/**
 * Makes the TCP connection a request arrived on go silent for good, below any TLS or HTTP/2 layer: it
 * stops reading the socket, so nothing the peer sends is processed and nothing is answered (no response,
 * no HTTP/2 PING or SETTINGS ack, no TLS record), and it is never closed until the emulator destroys it
 * at `close()`. `net.Socket` has no public way to stop a socket that HTTP/2 or TLS consumes in C++
 * (`pause()` only stops its JS `'data'` events), so this stops reading on the libuv handle itself and
 * keeps any layer above from starting it again. Over TLS that is not enough (Node's TLS layer still
 * reads and HTTP/2 PINGs are still acknowledged), so the emulator also drops the flow in its proxy when
 * one is in front. Returns the raw socket it silenced.
 */
export function blackholeConnection(requestSocket: Socket | null | undefined): Socket | undefined {
  const raw = recordOf(requestSocket)?.socket ?? requestSocket;
  if (!raw || raw.destroyed) return undefined;
  const handle = (raw as unknown as { _handle?: StreamHandle | null })._handle;
  if (!handle) {
    // Never the case for an accepted TCP socket; pausing still keeps its JS consumers (HTTP/1.1) from reading.
    raw.pause();
    return raw;
  }
  handle.readStop();
  handle.readStart = () => 0;
  return raw;
}
