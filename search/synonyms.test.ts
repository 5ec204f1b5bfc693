// The shape of search/synonyms.json, so a reviewed list stays reviewable: every language
// group lists every locale (an empty list is a decision, not an omission), terms are in
// the script of their language, a term sits in one group, and none is longer than the
// engine looks synonyms up for. Whether each term fires is checked against the real
// engine in synonyms.db.test.ts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALE_CODES, groupTerms, loadSynonyms, type Locale, type SynonymGroup, type SynonymsFile } from './settings.ts';

const file = JSON.parse(fs.readFileSync(new URL('./synonyms.json', import.meta.url), 'utf8')) as SynonymsFile;
type LanguageGroup = Exclude<SynonymGroup, string[]>;
const languageGroups = file.equivalent.filter((g): g is LanguageGroup => !Array.isArray(g));
const norm = (t: string) => t.trim().toLowerCase();

// Lowercase, in the language's script; digits, hyphens and apostrophes where names have them.
const SCRIPT: Record<Locale, RegExp> = {
  en: /^[a-z0-9][a-z0-9 '-]*$/,
  ko: /^[\p{Script=Hangul}0-9][\p{Script=Hangul}0-9 ]*$/u,
  ja: /^[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]+$/u,
  zh: /^\p{Script=Han}+$/u,
  ru: /^\p{Script=Cyrillic}[\p{Script=Cyrillic} -]*$/u,
  vi: /^[\p{Script=Latin}][\p{Script=Latin} -]*$/u,
};

describe('synonyms.json', () => {
  it('has language groups that list every locale and nothing else', () => {
    expect(languageGroups.length).toBeGreaterThan(20);
    for (const group of languageGroups) {
      const keys = Object.keys(group).filter((k) => k !== '$comment');
      expect(keys, JSON.stringify(group)).toEqual(LOCALE_CODES);
      expect(groupTerms(group).length, JSON.stringify(group)).toBeGreaterThan(1);
    }
  });

  it('writes each term lowercase, in the script of its language', () => {
    const wrong: string[] = [];
    for (const group of languageGroups) {
      for (const l of LOCALE_CODES) for (const t of group[l] ?? []) if (t !== t.trim() || !SCRIPT[l].test(t)) wrong.push(`${l}: ${t}`);
    }
    for (const group of file.equivalent.filter((g): g is string[] => Array.isArray(g))) for (const t of group) if (!SCRIPT.en.test(t)) wrong.push(`spelling: ${t}`);
    for (const [term, narrower] of Object.entries(file.broader)) for (const t of [term, ...narrower]) if (t !== norm(t)) wrong.push(`broader: ${t}`);
    expect(wrong).toEqual([]);
  });

  it('puts a term in one group only (the engine does not chain synonyms)', () => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    for (const [i, group] of file.equivalent.entries()) {
      for (const t of new Set(groupTerms(group).map(norm))) {
        if (seen.has(t)) twice.push(t);
        seen.set(t, i);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has no term of more than three words in a spaced language', () => {
    const long = [...file.equivalent.flatMap((g) => (Array.isArray(g) ? g : [...(g.en ?? []), ...(g.ko ?? []), ...(g.ru ?? []), ...(g.vi ?? [])])),
      ...Object.keys(file.broader)].filter((t) => t.split(/[\s-]+/).length > 3);
    expect(long).toEqual([]);
  });
});

describe('loadSynonyms', () => {
  const map = loadSynonyms();

  it('is lowercase, has no empty terms, and maps one-way terms one way', () => {
    for (const [term, targets] of Object.entries(map)) {
      expect(term).toBe(term.toLowerCase());
      expect(targets.length).toBeGreaterThan(0);
      expect(targets).not.toContain(term);
    }
    expect(map['power equipment']).toContain('transformer');
    expect(map.transformer).not.toContain('power equipment');
    expect(map.respirator).toContain('kf94');
  });

  it('makes every language of a group find the others', () => {
    expect(map['трансформатор']).toEqual(expect.arrayContaining(['transformer', '변압기', '変圧器', '变压器', 'máy biến áp']));
    expect(map['kem chống nắng']).toEqual(expect.arrayContaining(['sunscreen', '선크림', '日焼け止め', '防晒霜', 'солнцезащитный крем']));
  });

  it('lets every equivalent of a broader term find every equivalent of the narrower ones, one way', () => {
    for (const broader of ['power equipment', '전력기자재', 'электрооборудование', '电力设备', 'thiết bị điện']) {
      expect(map[broader], broader).toEqual(expect.arrayContaining(['transformer', 'трансформатор', '配電盤', 'tủ phân phối']));
    }
    expect(map['трансформатор']).not.toContain('электрооборудование');
    // A hygiene mask in any language finds respirators and surgical masks, never the LED beauty "face mask".
    expect(map['口罩']).toEqual(expect.arrayContaining(['kf94', 'respirator', 'surgical mask', 'хирургическая маска', '마스크']));
    expect(map['口罩']).not.toContain('face mask');
    expect(map['face mask']).toEqual(expect.arrayContaining(['마스크', '口罩', 'khẩu trang']));
  });
});
