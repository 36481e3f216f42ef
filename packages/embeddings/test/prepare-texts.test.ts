import { EmbeddingInputError, prepareTexts } from '../src';

const titan = { maxChars: 50_000, stripNewLines: true };
const cohere = { maxChars: 2_048, stripNewLines: true, truncate: 'NONE' as const };

describe('prepareTexts', () => {
  test('replaces newlines like BedrockEmbeddings, unless told not to', () => {
    expect(prepareTexts(['a\nb\n'], titan)).toEqual(['a b ']);
    expect(prepareTexts(['a\nb'], { ...titan, stripNewLines: false })).toEqual(['a\nb']);
  });

  test('an empty string is refused with its index', () => {
    const error = (() => {
      try {
        prepareTexts(['ok', 'fine', ''], titan);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EmbeddingInputError);
    expect(error).toMatchObject({ code: 'ERR_EMBEDDINGS_TEXT_EMPTY', index: 2, field: 'texts[2]' });
  });

  test('a non-string is refused', () => {
    expect(() => prepareTexts(['a', null], titan)).toThrow(
      expect.objectContaining({ code: 'ERR_EMBEDDINGS_TEXT_NOT_STRING', index: 1 }),
    );
  });

  test('Titan: 50,000 characters pass, 50,001 are refused', () => {
    expect(prepareTexts(['x'.repeat(50_000)], titan)[0]).toHaveLength(50_000);
    expect(() => prepareTexts(['ok', 'x'.repeat(50_001)], titan)).toThrow(
      expect.objectContaining({ code: 'ERR_EMBEDDINGS_TEXT_TOO_LONG', index: 1 }),
    );
  });

  test('Cohere NONE refuses over 2,048 characters and names the truncate option', () => {
    expect(() => prepareTexts(['y'.repeat(2_049)], cohere)).toThrow(/truncate/);
  });

  test('Cohere END keeps the start, START keeps the end, never splitting a surrogate pair', () => {
    const text = 'a'.repeat(2_047) + '😀' + 'b'.repeat(10);
    const end = prepareTexts([text], { ...cohere, truncate: 'END' })[0] as string;
    expect(end).toBe('a'.repeat(2_047));
    const start = prepareTexts(['c'.repeat(10) + '😀' + 'd'.repeat(2_047)], { ...cohere, truncate: 'START' })[0] as string;
    expect(start).toBe('d'.repeat(2_047));
    const exact = prepareTexts(['e'.repeat(3_000)], { ...cohere, truncate: 'START' })[0] as string;
    expect(exact).toHaveLength(2_048);
  });
});
