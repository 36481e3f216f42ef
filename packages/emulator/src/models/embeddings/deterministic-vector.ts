import { createHash } from 'node:crypto';

/**
 * A deterministic embedding of `text`: `dimensions` values from a mulberry32 generator seeded with
 * the first 4 bytes of sha256(text), uniform in [-1, 1), scaled to unit L2 norm when `normalize`.
 * Same text, same vector; different texts, (almost surely) different vectors.
 */
export function deterministicVector(text: string, dimensions: number, normalize: boolean): number[] {
  let seed = createHash('sha256').update(text, 'utf8').digest().readUInt32BE(0);
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const values = Array.from({ length: dimensions }, () => next() * 2 - 1);
  if (!normalize) return values;
  const norm = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0)) || 1;
  return values.map((v) => v / norm);
}
