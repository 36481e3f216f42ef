import type { EmulatorEndpoint } from '../ipc/protocol';
import { bedrockFlowComponentDriver, bedrockFlowDriver } from './bedrock-flow-rows';
import { limitDriver } from './limit-row';
import type { RowDriver } from './row-driver';
import type { RowId } from './row-id';
import { sdkKeepAliveDriver, seedDriver } from './seed-row';
import { stockDriver, stockReusedDriver } from './stock-rows';

/** A fresh driver for `row` against its emulator; `maxSockets` bounds the seed, pool and limit rows alike. */
export function createRowDriver(row: RowId, emulator: EmulatorEndpoint, maxSockets: number): RowDriver {
  const { url, ca } = emulator;
  switch (row) {
    case 'stock':
      return stockDriver(url);
    case 'stockReused':
      return stockReusedDriver(url);
    case 'seed':
      return seedDriver(url, ca, maxSockets);
    case 'sdkKeepAlive':
      return sdkKeepAliveDriver(url, ca, maxSockets);
    case 'bfHttp1':
      return bedrockFlowDriver('http1', { endpoint: url, ca, maxSockets });
    case 'bfHttp2':
      return bedrockFlowDriver('http2', { endpoint: url, ca, maxSockets });
    case 'bfComponent':
      return bedrockFlowComponentDriver({ endpoint: url, ca, maxSockets });
    case 'limit':
      return limitDriver(url, ca, maxSockets);
  }
}
