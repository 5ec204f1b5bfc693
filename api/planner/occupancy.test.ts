import { describe, expect, it } from 'vitest';
import { buildCandidates } from './candidates.ts';
import { Occupancy } from './occupancy.ts';
import { buyer, company, interpreter, NOW, oneDay, request, room, seoulHours } from './test-instances.ts';

// One hour (09:00 Seoul), Korean-only companies, so every buyer needs an interpreter.
function hour(languages: string[], interpreters: ReturnType<typeof interpreter>[], rooms = 5) {
  const companies = languages.map((_, k) => company(`c${k}`, { languages: ['ko'], hours: seoulHours('09:00', '10:00') }));
  const buyers = languages.map((_, k) => buyer(`b${k}`));
  const requests = languages.map((language, k) => request(`q${k}`, `c${k}`, `b${k}`, { language }));
  const cs = buildCandidates(oneDay({ companies, buyers, requests, interpreters, rooms: Array.from({ length: rooms }, (_, k) => room(`r${k}`)) }), NOW);
  return { cs, slot: cs.requests[0]!.slots[0]! };
}

describe('Occupancy', () => {
  it('re-matches a bilingual interpreter so both languages are covered', () => {
    // A speaks Japanese and English, B only Japanese. The Japanese buyer takes A first; the
    // English buyer can still be placed by moving the Japanese buyer over to B.
    const { cs, slot } = hour(['ja', 'en', 'ja'], [interpreter('A', ['ja', 'en']), interpreter('B', ['ja'])]);
    const occ = new Occupancy(cs);
    expect(occ.tryPlace(0, slot)).toBe(true);
    expect(occ.interpreterOf(0)).toBe(0);
    expect(occ.tryPlace(1, slot)).toBe(true);
    expect([occ.interpreterOf(0), occ.interpreterOf(1)]).toEqual([1, 0]);
    expect(occ.tryPlace(2, slot)).toBe(false); // both interpreters busy
    occ.remove(1);
    expect(occ.tryPlace(2, slot)).toBe(true); // a removal makes room again
  });

  it('counts rooms per slot', () => {
    const { cs, slot } = hour(['ja', 'ja', 'ja'], [interpreter('A', ['ja']), interpreter('B', ['ja']), interpreter('C', ['ja'])], 2);
    const occ = new Occupancy(cs);
    expect([occ.tryPlace(0, slot), occ.tryPlace(1, slot), occ.tryPlace(2, slot)]).toEqual([true, true, false]);
    expect(occ.roomsFull(slot)).toBe(true);
    expect(occ.placed).toBe(2);
  });

  it('rolls back a chain of moves exactly', () => {
    const { cs, slot } = hour(['ja', 'en'], [interpreter('A', ['ja', 'en']), interpreter('B', ['ja'])]);
    const occ = new Occupancy(cs);
    occ.tryPlace(0, slot);
    const mark = occ.mark();
    occ.tryPlace(1, slot);
    occ.remove(0);
    expect(occ.placed).toBe(1);
    occ.rollback(mark);
    expect([...occ.slotOf]).toEqual([slot, -1]);
    expect(occ.objective).toBe(100);
  });

  it('refuses a company or buyer twice in one slot', () => {
    const companies = [company('c', { hours: seoulHours('09:00', '10:00') })];
    const cs = buildCandidates(oneDay({ companies, buyers: [buyer('b1'), buyer('b2')], requests: [request('q1', 'c', 'b1'), request('q2', 'c', 'b2')], rooms: [room('r1'), room('r2')] }), NOW);
    const occ = new Occupancy(cs);
    const slot = cs.requests[0]!.slots[0]!;
    expect(occ.tryPlace(0, slot)).toBe(true);
    expect(occ.tryPlace(1, slot)).toBe(false);
    expect(occ.companyHolder(1, slot)).toBe(0);
  });
});
