import type { NodeIdentity } from '../config/client-config';
import type { SlotDescription } from './client-slot';

/** Why a slot left the pool. */
export type SlotRetireReason = 'released' | 'idleTtl' | 'maxSlots' | 'close' | 'destroy';

/** Events of `BedrockPool` (an EventEmitter) and their payloads; all plain, secret-free objects. */
export interface BedrockPoolEventMap {
  /** A new slot (client, handler, agent) was created. */
  slotCreated: [slot: SlotDescription];
  /** A slot lost its last lease; it is kept for `releaseGraceMs`, then drained. */
  slotReleased: [slot: SlotDescription];
  /** A slot was evicted by the idle TTL or `maxSlots`. */
  slotEvicted: [event: { slot: SlotDescription; reason: 'idleTtl' | 'maxSlots' }];
  /** A slot stopped taking work and waits for in-flight requests and streams. */
  slotDraining: [event: { slot: SlotDescription; reason: SlotRetireReason }];
  /** A slot's in-flight work finished (or `drainTimeoutMs` passed: `timedOut`). */
  slotDrained: [event: { slot: SlotDescription; timedOut: boolean }];
  /** A slot's client, handler and sockets were destroyed. */
  slotDestroyed: [slot: SlotDescription];
  /** An identity was leased for the first time. */
  leaseCreated: [event: { identity: NodeIdentity; slotId: string; fingerprint: string }];
  /** An identity's config changed: its lease moved to another slot. */
  leaseMoved: [event: { identity: NodeIdentity; fromSlotId: string; toSlotId: string; fingerprint: string }];
  /** A lease was released (explicitly, by a lifecycle hook, or by eviction). */
  leaseReleased: [event: { identity: NodeIdentity; slotId: string }];
  /** Background warm-up of a slot failed (the next request will connect itself). */
  warmUpFailed: [event: { slotId: string; error: Error }];
}
