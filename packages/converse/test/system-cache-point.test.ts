import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { CACHE_POINT_BLOCK, withSystemCachePoint } from '../src';

describe('withSystemCachePoint', () => {
  it('turns a string system prompt into a text block followed by a cache point, keeping the other messages', () => {
    const human = new HumanMessage('hi');
    const out = withSystemCachePoint([new SystemMessage({ content: 'Be brief.', id: 's1' }), human]);
    expect(out[0]).toBeInstanceOf(SystemMessage);
    expect(out[0]!.content).toEqual([{ type: 'text', text: 'Be brief.' }, CACHE_POINT_BLOCK]);
    expect(out[0]!.id).toBe('s1');
    expect(out[1]).toBe(human);
  });

  it('marks only the last system message, and leaves one that already has a cache point', () => {
    const messages = [new SystemMessage('a'), new HumanMessage('q'), new AIMessage('r'), new SystemMessage('b')];
    const out = withSystemCachePoint(messages);
    expect(out[0]).toBe(messages[0]);
    expect(out[3]!.content).toEqual([{ type: 'text', text: 'b' }, CACHE_POINT_BLOCK]);
    expect(withSystemCachePoint(out)).toEqual(out);
  });

  it('without a system message nothing changes', () => {
    const messages = [new HumanMessage('q')];
    expect(withSystemCachePoint(messages)).toBe(messages);
  });
});
