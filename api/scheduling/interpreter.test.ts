import { describe, expect, it } from 'vitest';
import { interpreterLanguage } from './interpreter.ts';

describe('interpreterLanguage', () => {
  it.each([
    { pref: 'auto', buyer: 'en-US', company: ['ko', 'en'], want: null },
    { pref: 'auto', buyer: 'ja', company: ['ko', 'en'], want: 'ja' },
    { pref: 'auto', buyer: 'RU', company: ['ko'], want: 'ru' },
    { pref: 'none', buyer: 'vi', company: ['ko'], want: null },
    { pref: 'required', buyer: 'en', company: ['ko', 'en'], want: 'en' },
  ] as const)('$pref, buyer $buyer, company $company -> $want', ({ pref, buyer, company, want }) => {
    expect(interpreterLanguage(pref, buyer, company)).toBe(want);
  });
});
