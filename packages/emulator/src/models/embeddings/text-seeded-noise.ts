import { createHash } from 'node:crypto';

/**
 * A unit-length pseudo-random vector seeded by the first 4 bytes of sha256(text) (mulberry32,
 * values uniform in [-1, 1) before scaling): the part of an embedding that tells apart texts with
 * the same words (other order, other case, other punctuation).
 */
export function textSeededNoise(text: string, dimensions: number): number[] {
  let seed = createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0);
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values = Array.from({ length: dimensions }, () => next() * 2 - 1);
  const norm = Math.hypot(...values) || 1;
  return values.map((v) => v / norm);
}
