import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsDate, renderIcs, type IcsEvent } from './ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
const event: IcsEvent = {
  uid: 'consultation-42@pavilion.example',
  sequence: 2,
  method: 'REQUEST',
  start: new Date('2026-12-07T01:00:00Z'),
  end: new Date('2026-12-07T01:30:00Z'),
  stamp: new Date('2026-12-01T09:15:30.123Z'),
  summary: 'Video meeting: 한빛화장품 (Hanbit Cosmetics), Vitamin C serum; samples, pricing',
  description: 'Your time: Sun 6 Dec, 20:00 (America/New_York)\nKorea time: Mon 7 Dec, 10:00 (Asia/Seoul)\nRoom: Seoul HQ Room 3\nVideo: https://meet.example/pavilion-abc',
  location: 'https://meet.example/pavilion-abc',
  organizer: { name: 'Pavilion, video consultations', email: 'meetings@pavilion.example' },
};

describe('renderIcs', () => {
  const ics = renderIcs(event);
  const lines = ics.split('\r\n');

  it('uses CRLF, UTC times, a stable UID and the sequence', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines).toContain('DTSTART:20261207T010000Z');
    expect(lines).toContain('DTEND:20261207T013000Z');
    expect(lines).toContain('DTSTAMP:20261201T091530Z');
    expect(lines).toContain('UID:consultation-42@pavilion.example');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(ics.replace(/\r\n /g, '')).toContain('ORGANIZER;CN="Pavilion, video consultations":mailto:meetings@pavilion.example');
  });

  it('folds every line at 75 octets, Korean included, and unfolds to the original', () => {
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${escapeText(event.summary)}`);
    expect(unfolded).toContain('한빛화장품');
  });

  it('marks a cancellation', () => {
    const cancel = renderIcs({ ...event, method: 'CANCEL', sequence: 3 });
    expect(cancel).toContain('METHOD:CANCEL');
    expect(cancel).toContain('STATUS:CANCELLED');
    expect(cancel).toContain('SEQUENCE:3');
  });
});

describe('pieces', () => {
  it.each([
    ['a;b,c\\d\ne', 'a\\;b\\,c\\\\d\\ne'],
    ['plain', 'plain'],
  ])('escapes %j', (input, out) => expect(escapeText(input)).toBe(out));

  it('never splits a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'가'.repeat(60)}`); // 3 octets each
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part.replace(/^ /, '')).toMatch(/^(SUMMARY:)?(가)*$/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'가'.repeat(60)}`);
  });

  it.each([
    ['ASCII, exactly 75 octets', 'D'.repeat(75)],
    ['ASCII, 76 octets', 'D'.repeat(76)],
    ['two-octet letters (Cyrillic)', `SUMMARY:${'Ж'.repeat(80)}`],
    ['four-octet characters (emoji) at the edges', `SUMMARY:${'🌏a'.repeat(40)}`],
    ['Korean, Japanese and Latin mixed', `DESCRIPTION:${'회의 会議 meeting '.repeat(12)}`],
  ])('folds %s within 75 octets, keeping every character whole', (_, line) => {
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const [i, part] of parts.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toMatch(/\uFFFD/);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part); // no lone surrogate halves
    }
    expect(parts.length > 1).toBe(octets(line) > 75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('formats UTC dates', () => expect(icsDate(new Date('2027-01-02T03:04:05.678Z'))).toBe('20270102T030405Z'));
});
