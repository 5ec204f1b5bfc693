// Seeded random weeks shaped like the real programme (buyers from the United States, Japan,
// Russia, Vietnam and others; Korean companies on Seoul office hours; rooms at headquarters
// and regional offices; interpreters in 6 languages; popular companies drawing many
// requests), for the benchmark and the tests. Deterministic for a seed.
import { covers, HOUR, type Interval } from '../scheduling/intervals.ts';
import type { InterpreterPreference } from '../db/schema.ts';
import { dailyHours, expandWeeklyHours, type WeeklyRule } from '../scheduling/weekly-hours.ts';
import type { PlannerInstance, PlannerRequest, Preference } from './instance.ts';

export type WeekShape = {
  seed: number;
  requests: number;
  buyers: number;
  companies: number;
  rooms: number;
  interpreters: number;
  /** Monday 00:00 in Seoul of the week, as an ISO date. */
  week?: string | undefined;
};

/** 85 consultations a day for a working week among 35 buyers and 70 companies, 15 rooms. */
export const REAL_WEEK: Omit<WeekShape, 'seed'> = { requests: 425, buyers: 35, companies: 70, rooms: 15, interpreters: 12 };

const LANGUAGES = ['en', 'ja', 'zh', 'ru', 'vi', 'es'] as const;

// Where buyers come from, how often, and what they speak.
const ORIGINS: { zone: string; language: string; weight: number }[] = [
  { zone: 'America/New_York', language: 'en-US', weight: 14 },
  { zone: 'America/Los_Angeles', language: 'en-US', weight: 8 },
  { zone: 'Asia/Tokyo', language: 'ja', weight: 14 },
  { zone: 'Asia/Shanghai', language: 'zh', weight: 12 },
  { zone: 'Europe/Moscow', language: 'ru', weight: 10 },
  { zone: 'Asia/Ho_Chi_Minh', language: 'vi', weight: 10 },
  { zone: 'Europe/Berlin', language: 'en', weight: 6 },
  { zone: 'America/Mexico_City', language: 'es', weight: 5 },
  { zone: 'Asia/Dubai', language: 'en', weight: 5 },
  { zone: 'Asia/Kolkata', language: 'en', weight: 6 },
  { zone: 'Asia/Jakarta', language: 'en', weight: 5 },
  { zone: 'Europe/Madrid', language: 'es', weight: 5 },
];

/** mulberry32: small, fast and good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seoul = (days: number[], start: string, end: string): WeeklyRule[] => days.map((weekday) => ({ weekday, start, end, timeZone: 'Asia/Seoul' }));
const WEEKDAYS = [1, 2, 3, 4, 5];

export function generateWeek(shape: WeekShape): { instance: PlannerInstance; now: number } {
  const rand = rng(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const weighted = <T extends { weight: number }>(list: readonly T[]): T => {
    let x = rand() * list.reduce((s, o) => s + o.weight, 0);
    for (const o of list) if ((x -= o.weight) < 0) return o;
    return list.at(-1)!;
  };
  const weekStart = Date.parse(`${shape.week ?? '2026-03-16'}T00:00:00+09:00`);
  const window: Interval = { start: weekStart, end: weekStart + 7 * 24 * HOUR };
  // Existing bookings fall on the hour in Seoul office time.
  const someHour = () => weekStart + Math.floor(rand() * 5) * 24 * HOUR + (9 + Math.floor(rand() * 9)) * HOUR;

  const companies = Array.from({ length: shape.companies }, (_, k) => {
    const languages = ['ko'];
    if (rand() < 0.6) languages.push('en');
    if (rand() < 0.1) languages.push('ja');
    if (rand() < 0.1) languages.push('zh');
    const hours = rand() < 0.85 ? seoul(WEEKDAYS, '09:00', '18:00') : pick([seoul(WEEKDAYS, '10:00', '16:00'), seoul([1, 2, 3, 4], '09:00', '18:00'), seoul(WEEKDAYS, '13:00', '18:00')]);
    const busy = rand() < 0.2 ? Array.from({ length: 1 + Math.floor(rand() * 4) }, () => { const s = someHour(); return { start: s, end: s + HOUR / 2 }; }) : [];
    const day = weekStart + Math.floor(rand() * 5) * 24 * HOUR;
    const blackouts = rand() < 0.05 ? [{ start: day, end: day + 24 * HOUR }] : [];
    return { id: `c${k}`, languages, hours, busy, blackouts };
  });
  const buyers = Array.from({ length: shape.buyers }, (_, k) => {
    const origin = weighted(ORIGINS);
    const busy = rand() < 0.1 ? [(() => { const s = someHour(); return { start: s, end: s + HOUR / 2 }; })()] : [];
    return { id: `b${k}`, timeZone: origin.zone, language: origin.language, localHours: { start: '07:00', end: '22:00' }, busy };
  });
  const rooms = Array.from({ length: shape.rooms }, (_, k) => {
    const regional = k >= 15 || rand() < 0.1; // headquarters had 15; the rest are regional offices
    const busy = Array.from({ length: Math.floor(rand() * 5) }, () => { const s = someHour(); return { start: s, end: s + HOUR / 2 + HOUR / 6 }; });
    return { id: `room${k}`, hours: regional ? seoul(WEEKDAYS, '09:00', '18:00') : seoul(WEEKDAYS, '08:00', '20:00'), busy };
  });
  const interpreters = Array.from({ length: shape.interpreters }, (_, k) => {
    const main = LANGUAGES[k % LANGUAGES.length]!;
    const languages = main !== 'en' && rand() < 0.25 ? [main, 'en'] : [main];
    const day = weekStart + Math.floor(rand() * 5) * 24 * HOUR;
    return { id: `i${k}`, languages, hours: seoul(WEEKDAYS, '09:00', '18:00'), blackouts: rand() < 0.1 ? [{ start: day, end: day + 24 * HOUR }] : [] };
  });

  // Popular companies draw far more requests (a Zipf-like tail), as in a real hall.
  const popularity = companies.map((_, k) => ({ k, weight: 1 / Math.pow(k + 1, 0.7) }));
  const local = new Map(buyers.map((b) => [b.id, expandWeeklyHours(dailyHours(b.localHours.start, b.localHours.end, b.timeZone), window)]));
  const asked = new Set<string>();
  const requests: PlannerRequest[] = [];
  for (let n = 0; requests.length < shape.requests && n < shape.requests * 20; n++) {
    const buyer = buyers[Math.floor(rand() * buyers.length)]!;
    const company = companies[weighted(popularity).k]!;
    if (asked.has(`${buyer.id}/${company.id}`)) continue;
    asked.add(`${buyer.id}/${company.id}`);
    // Buyers pick up to three times they saw offered (inside their own local hours), in order.
    const preferences: Preference[] = [];
    if (rand() < 0.6) {
      for (let tries = 0; tries < 20 && preferences.length < 1 + Math.floor(rand() * 3); tries++) {
        const start = someHour();
        if (covers(local.get(buyer.id)!, { start, end: start + HOUR / 2 })) preferences.push({ start, end: start + HOUR / 2, priority: 3 - preferences.length });
      }
    }
    const interpreter: InterpreterPreference = rand() < 0.9 ? 'auto' : rand() < 0.5 ? 'required' : 'none';
    requests.push({ id: `q${requests.length}`, companyId: company.id, buyerId: buyer.id, language: buyer.language, interpreter, preferences });
  }
  return {
    now: weekStart - 3 * 24 * HOUR,
    instance: {
      window,
      rules: { slotMinutes: 30, roomBufferMinutes: 10, minNoticeMinutes: 120, horizonDays: 28 },
      companies, buyers: buyers.map(({ language: _, ...b }) => b), rooms, interpreters, requests,
    },
  };
}
