import fc from 'fast-check';
import { generateReply, splitIntoDeltas } from '../src/models/generate-reply';
import { countTokens } from '../src/models/tokenizer';
import { deterministicVector } from '../src/models/embeddings/deterministic-vector';
import { promptUserText } from '../src/models/families/prompt-user-text';
import { classifyPreface, HTTP2_PREFACE } from '../src/server/http2-preface';
import type { ChatRequest } from '../src/models/chat-request';

const request = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  system: '',
  messages: [{ role: 'user', text }],
  lastUserText: text,
  stopSequences: [],
  tools: [],
  ...extra,
});

describe('deterministic model properties', () => {
  it('replies Echo: <text>, within maxTokens, max_tokens exactly when cut', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }), (text, maxTokens) => {
        const reply = generateReply(request(text, maxTokens === undefined ? {} : { maxTokens }));
        const full = `Echo: ${text}`;
        const cut = maxTokens !== undefined && countTokens(full) > maxTokens;
        expect(reply.stopReason).toBe(cut ? 'max_tokens' : 'end_turn');
        expect(reply.text).toBe(cut ? full.slice(0, maxTokens! * 4) : full);
        expect(reply.outputTokens).toBe(countTokens(reply.text));
        expect(reply.inputTokens).toBe(countTokens(text));
        if (maxTokens !== undefined) expect(reply.outputTokens).toBeLessThanOrEqual(maxTokens);
        expect(generateReply(request(text))).toEqual(generateReply(request(text)));
      }),
    );
  });

  it('stream deltas always concatenate back to the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => expect(splitIntoDeltas(text).join('')).toBe(text)));
  });

  it('embeddings: same text same vector, unit norm, requested size', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.constantFrom(256, 512, 1024), (text, dims) => {
        const v = deterministicVector(text, dims, true);
        expect(v).toHaveLength(dims);
        expect(Math.sqrt(v.reduce((s, x) => s + x * x, 0))).toBeCloseTo(1, 9);
        expect(deterministicVector(text, dims, true)).toEqual(v);
      }),
      { numRuns: 30 },
    );
  });

  it('prompt templates yield the user text', () => {
    expect(promptUserText('<s>[INST] <<SYS>>be nice<</SYS>> hi there [/INST]')).toBe('hi there');
    expect(promptUserText('\n\nHuman: what is up\n\nAssistant:')).toBe('what is up');
    expect(promptUserText('User: first\nBot: ok\nUser: second\nBot:')).toBe('second');
    expect(promptUserText('plain prompt ')).toBe('plain prompt');
  });

  it('classifies the h2c preface, and anything diverging from it as HTTP/1.1', () => {
    expect(classifyPreface(Buffer.concat([HTTP2_PREFACE, Buffer.from([0, 0, 0])]))).toBe('h2');
    expect(classifyPreface(HTTP2_PREFACE.subarray(0, 10))).toBeUndefined();
    expect(classifyPreface(Buffer.from('GET / HTTP/1.1\r\n'))).toBe('http1');
    expect(classifyPreface(Buffer.from('PRI * HTTP/1.1'))).toBe('http1');
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const n = Math.min(buf.length, HTTP2_PREFACE.length);
        const isPrefix = buf.subarray(0, n).equals(HTTP2_PREFACE.subarray(0, n));
        expect(classifyPreface(buf)).toBe(isPrefix ? (buf.length >= 24 ? 'h2' : undefined) : 'http1');
      }),
    );
  });
});
