import { FairRequestQueue } from '../src/transport/fair-request-queue';

describe('FairRequestQueue (turns on an endpoint’s sockets across slots)', () => {
  test('serves waiting owners in turn, not in arrival order', async () => {
    const queue = new FairRequestQueue(1);
    const a = {};
    const b = {};
    const c = {};
    expect(queue.tryAcquire()).toBe(true);
    const served: string[] = [];
    const waits = [
      ...Array.from({ length: 3 }, (_, i) => queue.wait(a, undefined).then(() => served.push(`a${i}`))),
      queue.wait(b, undefined).then(() => served.push('b0')),
      queue.wait(c, undefined).then(() => served.push('c0')),
      queue.wait(b, undefined).then(() => served.push('b1')),
    ];
    expect([queue.waiting, queue.waitingOwners]).toEqual([6, 3]);
    for (let i = 0; i < 6; i += 1) {
      queue.release();
      await Promise.resolve();
    }
    await Promise.all(waits);
    expect(served).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'a2']);
    expect([queue.active, queue.waiting]).toEqual([1, 0]);
  });

  test('never jumps the queue: a free place goes to a waiting owner before a newcomer', () => {
    const queue = new FairRequestQueue(1);
    expect(queue.tryAcquire()).toBe(true);
    void queue.wait({}, undefined);
    queue.release();
    // The place went to the waiter; a newcomer must wait too.
    expect(queue.tryAcquire()).toBe(false);
    expect(queue.active).toBe(1);
  });

  test('an abort while waiting rejects with an AbortError and frees the turn', async () => {
    const queue = new FairRequestQueue(1);
    expect(queue.tryAcquire()).toBe(true);
    const controller = new AbortController();
    const waiting = queue.wait({}, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(queue.waiting).toBe(0);
    queue.release();
    expect(queue.active).toBe(0);
    await expect(queue.wait({}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
