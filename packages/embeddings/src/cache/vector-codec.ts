/** First byte of an encoded vector: how the numbers that follow are stored. */
const FLOAT32 = 0x32;
const FLOAT64 = 0x64;

/**
 * Encodes a vector compactly and exactly: little-endian float32 (4 bytes a value) when every value is
 * a float32 — Bedrock's vectors are — and float64 otherwise, so a cached vector always equals the one
 * Bedrock returned. One tag byte says which.
 */
export function encodeVector(vector: readonly number[]): Buffer {
  const exactAsFloat32 = vector.every((value) => Math.fround(value) === value || Number.isNaN(value));
  const width = exactAsFloat32 ? 4 : 8;
  // Not allocUnsafe: a pooled slab would keep 8 KiB alive per stored vector and defeat the byte bound.
  const bytes = Buffer.alloc(1 + vector.length * width);
  bytes[0] = exactAsFloat32 ? FLOAT32 : FLOAT64;
  vector.forEach((value, i) => {
    if (exactAsFloat32) bytes.writeFloatLE(value, 1 + i * 4);
    else bytes.writeDoubleLE(value, 1 + i * 8);
  });
  return bytes;
}

/** A new `number[]` from {@link encodeVector}'s bytes, or `undefined` when they are not an encoded vector. */
export function decodeVector(bytes: Uint8Array): number[] | undefined {
  const tag = bytes[0];
  const width = tag === FLOAT32 ? 4 : tag === FLOAT64 ? 8 : 0;
  if (width === 0 || (bytes.length - 1) % width !== 0) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Array<number>((bytes.length - 1) / width);
  for (let i = 0; i < vector.length; i += 1) {
    vector[i] = width === 4 ? view.readFloatLE(1 + i * 4) : view.readDoubleLE(1 + i * 8);
  }
  return vector;
}
