/** FNV-1a over UTF-16 code units, then the murmur3 finalizer so every output bit depends on every input bit. */
function hash32(value: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < value.length; i += 1) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Where a feature lands in a vector of `dimensions` (the hashing trick) and with which sign (a
 * second hash, so collisions cancel out on average instead of piling up).
 */
export function hashFeature(feature: string, dimensions: number): { index: number; sign: 1 | -1 } {
  return { index: hash32(feature, 0) % dimensions, sign: (hash32(feature, 0x9e3779b9) & 1) === 0 ? 1 : -1 };
}
