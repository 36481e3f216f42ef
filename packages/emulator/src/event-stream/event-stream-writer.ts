import type { ServerResponse } from 'node:http';
import http2 from 'node:http2';
import { baseHeaders } from '../http/write-response';
import type { AnyRequest, AnyResponse } from '../server/request-handler';
import { resetConnection } from '../server/reset-connection';
import { waitUnlessClosed } from '../server/wait-unless-closed';
import { frameOffsetMs } from '../faults/generation-pace';
import { encodeEvent, encodeException } from './encode-frame';

/** Stream faults, resolved for one response. */
export interface StreamFaultPlan {
  /** Cut the stream (reset) after this many frames. */
  cutAfterFrames?: number;
  /** Send an exception frame after this many frames and end. */
  exception?: { afterFrames: number; exceptionType: string; message: string };
  /** Called with the fault name when one fires. */
  onFault(name: 'cutStream' | 'streamException'): void;
}

/** Content type of AWS event streams. */
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

/**
 * Writes an `application/vnd.amazon.eventstream` response frame by frame, pacing frames by
 * `frameDelayMs` (and the generation pace, see {@link EventStreamWriter.pace}) and applying the cut /
 * in-stream exception faults.
 */
export class EventStreamWriter {
  private frames = 0;
  private stopped = false;
  /** The generation pace of this answer: frames spread evenly over `totalMs` from the first one. */
  private schedule: { totalMs: number; frames: number; firstAt?: number } | undefined;
  /** Settles when the last frame reached the socket, so a cut never drops frames already sent. */
  private flushed: Promise<void> = Promise.resolve();

  constructor(
    private readonly req: AnyRequest,
    private readonly res: AnyResponse,
    private readonly frameDelayMs: number,
    private readonly faults: StreamFaultPlan,
  ) {}

  /** Sends the 200 head. */
  start(requestId: string): void {
    this.res.writeHead(200, { ...baseHeaders(requestId), 'content-type': EVENT_STREAM_CONTENT_TYPE });
    this.res.on('close', () => {
      this.stopped = true;
    });
  }

  /**
   * Paces the answer: its `frames` frames leave evenly spread so the last one leaves `totalMs` after the
   * first (the `generationPace` fault). Call before the first `event()`.
   */
  pace(totalMs: number, frames: number): void {
    if (totalMs > 0 && frames > 1) this.schedule = { totalMs, frames };
  }

  /** `false` once the stream was cut, failed or the client went away: stop producing. */
  get open(): boolean {
    return !this.stopped;
  }

  /** Writes one event; returns `false` when the stream is over. */
  async event(eventType: string, payload: unknown): Promise<boolean> {
    if (this.stopped) return false;
    const { cutAfterFrames, exception } = this.faults;
    if (cutAfterFrames !== undefined && this.frames >= cutAfterFrames) {
      this.faults.onFault('cutStream');
      this.stopped = true;
      await this.flushed;
      this.cut();
      return false;
    }
    if (exception && this.frames >= exception.afterFrames) {
      this.faults.onFault('streamException');
      this.res.end(Buffer.from(encodeException(exception.exceptionType, exception.message)));
      this.stopped = true;
      return false;
    }
    // The gap's timer is cleared when the response closes (client gone, or `close()` destroying connections).
    const gap = this.frames > 0 ? Math.max(this.frameDelayMs, this.paceGapMs()) : 0;
    if (gap > 0 && !(await waitUnlessClosed(this.res, gap))) this.stopped = true;
    if (this.stopped) return false;
    if (this.schedule && this.schedule.firstAt === undefined) this.schedule.firstAt = Date.now();
    this.frames += 1;
    this.flushed = new Promise((resolve) => {
      (this.res as ServerResponse).write(Buffer.from(encodeEvent(eventType, payload)), () => resolve());
    });
    return true;
  }

  /** How long until the next frame is due on the pace's schedule (0 without a pace). */
  private paceGapMs(): number {
    const schedule = this.schedule;
    if (!schedule || schedule.firstAt === undefined) return 0;
    return Math.max(0, schedule.firstAt + frameOffsetMs(schedule.totalMs, this.frames, schedule.frames) - Date.now());
  }

  /** Ends the stream normally. */
  end(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.res.end();
  }

  /** Aborts mid-body: an HTTP/2 stream reset (RST_STREAM), or the HTTP/1.1 connection reset. */
  private cut(): void {
    const stream = (this.res as { stream?: http2.ServerHttp2Stream }).stream;
    if (stream) {
      stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
      return;
    }
    resetConnection(this.req.socket);
  }
}
