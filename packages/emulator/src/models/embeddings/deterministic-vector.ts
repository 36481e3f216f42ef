import { hashFeature } from './feature-hash';
import { textFeatures } from './text-features';
import { textSeededNoise } from './text-seeded-noise';

/** Length of the text-seeded component relative to the word-feature part (or absolute, for a text without words). */
export const NOISE_SHARE = 0.2;

function l2(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += (values[i] as number) ** 2;
  return Math.sqrt(sum);
}

/**
 * A deterministic embedding of `text` whose cosine similarity means something: the text's word
 * features ({@link textFeatures}: lower-cased words, stop words weighted less, word bigrams) hashed
 * into `dimensions` with a sign, plus a text-seeded component of {@link NOISE_SHARE} of that length
 * so different texts (same words in another order, other case) still differ.
 * With `normalize` the result has unit L2 norm; without, its norm grows with the text's words.
 */
export function deterministicVector(text: string, dimensions: number, normalize: boolean): number[] {
  const features = new Float64Array(dimensions);
  for (const { feature, weight } of textFeatures(text)) {
    const { index, sign } = hashFeature(feature, dimensions);
    features[index] = (features[index] as number) + sign * weight;
  }
  const noiseLength = NOISE_SHARE * (l2(features) || 1);
  const noise = textSeededNoise(text, dimensions);
  const values = Array.from(features, (v, i) => v + noiseLength * (noise[i] as number));
  if (!normalize) return values;
  const norm = l2(values) || 1;
  return values.map((v) => v / norm);
}
