/** Weight of a content word in an embedding. */
export const WORD_WEIGHT = 1;
/** Weight of a stop word ("how", "the", "each", …): present, but too common to decide similarity. */
export const STOP_WORD_WEIGHT = 0.25;
/** Weight of a word bigram, times the smaller weight of its two words: word order counts, a little. */
export const BIGRAM_WEIGHT = 0.5;

/** Common English words weighted {@link STOP_WORD_WEIGHT}. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can could did do does each for from had has have how i if in into is it its ' +
    'may me my no not of on or our per should so than that the their them then there these they this those to us ' +
    'was we were what when where which while who why will with would you your'
  ).split(' '),
);

/** One hashed feature of a text and its weight. */
export interface TextFeature {
  feature: string;
  weight: number;
}

/** A crude plural fold ("handshakes" -> "handshake", "queries" -> "query", "classes" -> "class") so singular and plural match. */
function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && (word.endsWith('sses') || word.endsWith('xes'))) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Lower-cased word tokens (letters and digits; everything else separates words), plurals folded. */
export function wordTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => (STOP_WORDS.has(word) ? word : foldPlural(word)));
}

/**
 * The features an embedding hashes: each word token (stop words weighted less) and each pair of
 * adjacent words. Repeated words add up.
 */
export function textFeatures(text: string): TextFeature[] {
  const words = wordTokens(text);
  const weightOf = (word: string): number => (STOP_WORDS.has(word) ? STOP_WORD_WEIGHT : WORD_WEIGHT);
  const features: TextFeature[] = words.map((word) => ({ feature: `w:${word}`, weight: weightOf(word) }));
  for (let i = 1; i < words.length; i += 1) {
    const [left, right] = [words[i - 1]!, words[i]!];
    features.push({ feature: `b:${left} ${right}`, weight: BIGRAM_WEIGHT * Math.min(weightOf(left), weightOf(right)) });
  }
  return features;
}
