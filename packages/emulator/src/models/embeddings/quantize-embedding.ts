/** Cohere's compressed embedding types besides `float`. */
export type QuantizedType = 'int8' | 'uint8' | 'binary' | 'ubinary';

/**
 * A unit-norm float vector in one of Cohere's compressed types: `int8` scales [-1, 1] to [-128, 127], `uint8` to
 * [0, 255]; `binary`/`ubinary` keep one sign bit per value, packed 8 to a byte (so `dimensions / 8` values), as
 * signed or unsigned bytes.
 */
export function quantizeEmbedding(vector: readonly number[], type: QuantizedType): number[] {
  // Per-value scale of a unit vector: its largest magnitude maps to the end of the range.
  const max = Math.max(...vector.map(Math.abs)) || 1;
  if (type === 'int8') return vector.map((v) => Math.max(-128, Math.min(127, Math.round((v / max) * 127))));
  if (type === 'uint8') return vector.map((v) => Math.max(0, Math.min(255, Math.round(((v / max + 1) / 2) * 255))));
  const bytes: number[] = [];
  for (let i = 0; i < vector.length; i += 8) {
    let byte = 0;
    for (let bit = 0; bit < 8; bit += 1) byte = (byte << 1) | ((vector[i + bit] ?? 0) > 0 ? 1 : 0);
    bytes.push(type === 'binary' ? byte - 128 : byte);
  }
  return bytes;
}
