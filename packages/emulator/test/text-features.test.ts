import { hashFeature } from '../src/models/embeddings/feature-hash';
import { BIGRAM_WEIGHT, STOP_WORD_WEIGHT, textFeatures, wordTokens } from '../src/models/embeddings/text-features';

describe('embedding features', () => {
  it('lower-cases, splits on anything but letters and digits, folds plurals, keeps stop words as they are', () => {
    expect(wordTokens('How do TLS handshakes slow each run?')).toEqual(['how', 'do', 'tls', 'handshake', 'slow', 'each', 'run']);
    expect(wordTokens('Queries, classes & v3-texts: Ünïcode')).toEqual(['query', 'class', 'v3', 'text', 'ünïcode']);
    expect(wordTokens('boxes caches status process')).toEqual(['box', 'cache', 'status', 'process']);
    expect(wordTokens('  ...  ')).toEqual([]);
  });

  it('weights stop words less and adds adjacent-word bigrams', () => {
    expect(textFeatures('The TLS handshake')).toEqual([
      { feature: 'w:the', weight: STOP_WORD_WEIGHT },
      { feature: 'w:tls', weight: 1 },
      { feature: 'w:handshake', weight: 1 },
      { feature: 'b:the tls', weight: BIGRAM_WEIGHT * STOP_WORD_WEIGHT },
      { feature: 'b:tls handshake', weight: BIGRAM_WEIGHT },
    ]);
  });

  it('hashes a feature to a stable index within the dimension, with a sign', () => {
    for (const dims of [256, 512, 1024, 1536]) {
      const spots = ['w:tls', 'w:handshake', 'b:tls handshake'].map((f) => hashFeature(f, dims));
      expect(spots.every(({ index }) => Number.isInteger(index) && index >= 0 && index < dims)).toBe(true);
      expect(['w:tls', 'w:handshake', 'b:tls handshake'].map((f) => hashFeature(f, dims))).toEqual(spots);
    }
    // Over many features both signs occur about equally (collisions cancel on average).
    const positive = Array.from({ length: 1000 }, (_, i) => hashFeature(`w:word${i}`, 1024).sign).filter((s) => s === 1).length;
    expect(positive).toBeGreaterThan(400);
    expect(positive).toBeLessThan(600);
  });
});
