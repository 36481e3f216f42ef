import type net from 'node:net';

type Item = { due: number; kind: 'data'; chunk: Buffer } | { due: number; kind: 'end' } | { due: number; kind: 'reset' };

/**
 * One direction of the latency proxy: forwards chunks from `source` to `sink` each `delayMs`
 * later, in order, then the half-close (FIN) or the reset. `holdUntil` delays everything before it
 * (the extra RTT of a new connection's first bytes).
 */
export class DelayedPipe {
  private readonly queue: Item[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastDue = 0;
  private stopped = false;
  /** Called whenever a byte, a FIN or a reset arrives from `source` (the proxy's idle clock). */
  onActivity: () => void = () => undefined;

  constructor(
    source: net.Socket,
    private readonly sink: net.Socket,
    private readonly delayMs: number,
    private readonly holdUntil = 0,
  ) {
    source.on('data', (chunk: Buffer) => this.push({ kind: 'data', chunk }));
    source.on('end', () => this.push({ kind: 'end' }));
    source.on('close', (hadError: boolean) => {
      if (hadError || !source.readableEnded) this.push({ kind: 'reset' });
    });
    source.on('error', () => undefined);
  }

  private push(item: { kind: 'data'; chunk: Buffer } | { kind: 'end' } | { kind: 'reset' }): void {
    if (this.stopped) return;
    this.onActivity();
    const due = Math.max(Date.now() + this.delayMs, this.holdUntil + this.delayMs, this.lastDue);
    this.lastDue = due;
    this.queue.push({ ...item, due } as Item);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const head = this.queue[0];
    if (!head) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, head.due - Date.now()));
    // The pipe must never keep a process alive on its own.
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    const now = Date.now();
    while (this.queue.length > 0 && this.queue[0]!.due <= now) {
      const item = this.queue.shift()!;
      if (this.sink.destroyed) {
        this.stop();
        return;
      }
      if (item.kind === 'data') this.sink.write(item.chunk);
      else if (item.kind === 'end') this.sink.end();
      else {
        this.sink.resetAndDestroy();
        this.stop();
        return;
      }
    }
    this.schedule();
  }

  /** `true` while something waits in the queue (bytes in flight through the proxy). */
  get busy(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Drops whatever is queued and stops forwarding, for good: what `source` sends afterwards (bytes, FIN,
   * reset) is read and discarded, and `sink` is neither written nor closed. Also what a silent drop does.
   */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
