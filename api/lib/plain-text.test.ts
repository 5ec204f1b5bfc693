import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text.ts';

describe('plainText', () => {
  const text = plainText(50);
  it.each(['Celadon teapot', '청자 다관', 'Line one\nline two\tand a tab', 'An emoji 🍵 is a surrogate pair'])('takes %j', (s) => {
    expect(text.safeParse(s).success).toBe(true);
  });
  it.each([
    ['a NUL', 'a\u0000b'],
    ['a bell', 'a\u0007b'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
    ['a pair in the wrong order', '\uDC00\uD800'],
  ])('refuses %s', (_, s) => {
    expect(text.safeParse(s).success).toBe(false);
  });
});
