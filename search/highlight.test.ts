import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HIGHLIGHT_POST as POST, HIGHLIGHT_PRE as PRE, segments } from './highlight.ts';

describe('segments', () => {
  it('splits marked text into plain and matched parts', () => {
    expect(segments(`KF94 ${PRE}mask${POST} for ${PRE}dust${POST}`)).toEqual([
      { text: 'KF94 ', match: false }, { text: 'mask', match: true }, { text: ' for ', match: false }, { text: 'dust', match: true },
    ]);
  });

  it('keeps markup-looking text as text and drops stray marks', () => {
    expect(segments(`<img src=x onerror=alert(1)> ${PRE}serum`)).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false }, { text: 'serum', match: true },
    ]);
  });

  it('never loses or adds a character of the text', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.constant(PRE), fc.constant(POST))), (parts) => {
      const marked = parts.join('');
      expect(segments(marked).map((s) => s.text).join('')).toBe(marked.replaceAll(PRE, '').replaceAll(POST, ''));
    }));
  });
});
