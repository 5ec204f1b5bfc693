// Scheduling resources for the demo: consultation rooms, interpreters, weekly hours and the
// programme-wide public-holiday blackouts. Fully determined by the counts; no randomness.
import {
  INTERPRETER_LANGUAGES, KOREAN_PUBLIC_HOLIDAYS, REGIONAL_OFFICES, REGIONS, TRADE_CENTRES,
} from './catalogue-data.ts';
import type {
  DemoAvailabilityRule, DemoBlackout, DemoInterpreter, DemoInterpreterLanguage, DemoRoom,
} from './types.ts';

const SEOUL = 'Asia/Seoul';
const SEOUL_UTC_OFFSET_MS = 9 * 3_600_000; // Korea has had no daylight-saving time since 1988
const HQ_ROOMS = 15;
const ROOMS_PER_OFFICE = 3;
export const MIN_INTERPRETERS = INTERPRETER_LANGUAGES.length * 2;

/**
 * 15 rooms at headquarters in Seoul first, then 3 per regional office (60 in all, as in the
 * programme), then booths at trade centres abroad in their own time zones.
 */
export function generateRooms(count: number): DemoRoom[] {
  const rooms: DemoRoom[] = [];
  for (let i = 0; i < count; i++) {
    if (i < HQ_ROOMS) {
      rooms.push({
        name: `Seoul HQ Room ${i + 1}`,
        kind: 'room',
        location: `Headquarters consultation centre, ${i < 8 ? '3rd' : '4th'} floor, Seoul`,
        region: 'Seoul',
        time_zone: SEOUL,
        buffer_minutes: 10,
        equipment: ['video conferencing system', '65-inch display', 'document camera', 'speakerphone'],
        active: true,
      });
      continue;
    }
    const r = i - HQ_ROOMS;
    const office = Math.floor(r / ROOMS_PER_OFFICE);
    if (office < REGIONAL_OFFICES.length) {
      const region = REGIONS.find((x) => x.code === REGIONAL_OFFICES[office])!;
      rooms.push({
        name: `${region.en} Office Room ${(r % ROOMS_PER_OFFICE) + 1}`,
        kind: 'room',
        location: `${region.en} regional office`,
        region: region.en,
        time_zone: SEOUL,
        buffer_minutes: 10,
        equipment: ['video conferencing system', '55-inch display', 'speakerphone'],
        active: true,
      });
      continue;
    }
    const b = r - REGIONAL_OFFICES.length * ROOMS_PER_OFFICE;
    const centre = TRADE_CENTRES[b % TRADE_CENTRES.length]!;
    rooms.push({
      name: `${centre.city} Trade Centre Booth ${Math.floor(b / TRADE_CENTRES.length) + 1}`,
      kind: 'booth',
      location: `Korea Trade Centre, ${centre.city}`,
      region: 'Overseas',
      time_zone: centre.timeZone,
      buffer_minutes: 10,
      equipment: ['laptop', 'webcam', 'headset'],
      active: true,
    });
  }
  return rooms;
}

/**
 * Interpreters named by role, not person (no personal data), spread round-robin over the
 * six languages so every language has at least two.
 */
export function generateInterpreters(count: number): {
  interpreters: DemoInterpreter[];
  interpreterLanguages: DemoInterpreterLanguage[];
} {
  if (count < MIN_INTERPRETERS) {
    throw new RangeError(`interpreters must be at least ${MIN_INTERPRETERS} (two per language), got ${count}`);
  }
  const interpreters: DemoInterpreter[] = [];
  const interpreterLanguages: DemoInterpreterLanguage[] = [];
  const perLanguage = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const lang = INTERPRETER_LANGUAGES[i % INTERPRETER_LANGUAGES.length]!;
    const n = (perLanguage.get(lang.tag) ?? 0) + 1;
    perLanguage.set(lang.tag, n);
    const email = `interpreter.${lang.tag}${n}@interpreters.pavilion.example`;
    interpreters.push({ name: `${lang.en} interpreter ${n}`, email, time_zone: SEOUL, active: true });
    interpreterLanguages.push({ interpreter_email: email, language: lang.tag });
  }
  return { interpreters, interpreterLanguages };
}

function weekdays(start: string, end: string, timeZone: string, owner: Pick<DemoAvailabilityRule, 'company_slug' | 'room_name' | 'interpreter_email'>): DemoAvailabilityRule[] {
  const rules: DemoAvailabilityRule[] = [];
  for (let weekday = 1; weekday <= 5; weekday++) {
    rules.push({ ...owner, weekday, start_time: start, end_time: end, time_zone: timeZone });
  }
  return rules;
}

/** Weekly hours (ISO weekday 1 = Monday): companies and interpreters 09-18, rooms 08-20. */
export function generateAvailabilityRules(
  companySlugs: readonly string[],
  rooms: readonly DemoRoom[],
  interpreters: readonly DemoInterpreter[],
): DemoAvailabilityRule[] {
  const none = { company_slug: null, room_name: null, interpreter_email: null };
  return [
    ...companySlugs.flatMap((slug) => weekdays('09:00:00', '18:00:00', SEOUL, { ...none, company_slug: slug })),
    ...rooms.flatMap((room) => weekdays('08:00:00', '20:00:00', room.time_zone, { ...none, room_name: room.name })),
    ...interpreters.flatMap((i) => weekdays('09:00:00', '18:00:00', SEOUL, { ...none, interpreter_email: i.email })),
  ];
}

/** Midnight to midnight in Seoul for each public holiday, as UTC instants. */
export function generateHolidayBlackouts(): DemoBlackout[] {
  return KOREAN_PUBLIC_HOLIDAYS.map((h) => {
    const [y, m, d] = h.date.split('-').map(Number) as [number, number, number];
    const startsAt = Date.UTC(y, m - 1, d) - SEOUL_UTC_OFFSET_MS;
    return {
      company_slug: null,
      room_name: null,
      interpreter_email: null,
      starts_at: new Date(startsAt),
      ends_at: new Date(startsAt + 86_400_000),
      reason: `Public holiday: ${h.en} / ${h.ko}`,
    };
  });
}
