/**
 * How an embedding error names the caller's texts it concerns: `texts[3]`, a run as `texts[0..95]`, and texts that
 * are not consecutive (cache hits in between) one by one, `texts[0, 4, 5]`.
 */
export function describeTextIndexes(indexes: readonly number[]): string {
  if (indexes.length === 1) return `texts[${indexes[0]}]`;
  const first = indexes[0] as number;
  const consecutive = indexes.every((index, i) => index === first + i);
  return consecutive ? `texts[${first}..${first + indexes.length - 1}]` : `texts[${indexes.join(', ')}]`;
}
