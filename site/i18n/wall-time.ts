// A meeting time as the buyer reads it ("Fri, Dec 4, 19:00", "12월 4일 (금) 19:00"), written
// from a time that carries its zone's offset ("2026-12-04T19:00:00-05:00") without touching
// Intl in the browser. A phone's first Intl.DateTimeFormat loads ICU's date data: about 150 ms
// of main thread at Lighthouse's 4x slowdown, a long task on every product page. So the build
// (Node, build time) takes the locale's pattern, month and weekday names from Intl once, and
// the meeting form fills them in; the result is what Intl would have written.

/** How the form shows a slot: short weekday and month, day, 24-hour time. */
export const SLOT_TIME_OPTIONS = {
  weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
} as const satisfies Intl.DateTimeFormatOptions;

type Field = 'weekday' | 'month' | 'day' | 'hour' | 'minute';
const FIELDS: readonly string[] = ['weekday', 'month', 'day', 'hour', 'minute'] satisfies Field[];

export type WallTimeFormat = {
  /** The pattern: literal text, and the fields to fill in, in the locale's order. */
  parts: (string | { field: Field })[];
  /** Month names as they stand in the pattern, January first. */
  months: string[];
  /** Weekday names, Sunday first (Date#getUTCDay order). */
  weekdays: string[];
};

/** The locale's pattern and names, from Intl (run where Intl is already loaded: the build). */
export function wallTimeFormat(intlTag: string): WallTimeFormat {
  const f = new Intl.DateTimeFormat(intlTag, { ...SLOT_TIME_OPTIONS, timeZone: 'UTC' });
  const parts = f.formatToParts(Date.UTC(2026, 0, 5, 13, 45)).map((p) => {
    if (p.type === 'literal') return p.value;
    if (!FIELDS.includes(p.type)) throw new Error(`${intlTag}: unexpected "${p.type}" in a slot time`);
    return { field: p.type as Field };
  });
  const part = (at: number, type: Field) => f.formatToParts(at).find((p) => p.type === type)!.value;
  const months = Array.from({ length: 12 }, (_, m) => part(Date.UTC(2026, m, 5, 13, 45), 'month'));
  const weekdays: string[] = [];
  for (let d = 0; d < 7; d++) {
    const at = Date.UTC(2026, 1, 1 + d, 13, 45);
    weekdays[new Date(at).getUTCDay()] = part(at, 'weekday');
  }
  return { parts, months, weekdays };
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * `local` written the locale's way: the date and time as they stand in the string (its own
 * zone's wall time, as the API gives buyerTime and koreaTime), not converted to any zone.
 * Anything that is not such a string comes back as it is.
 */
export function formatWallTime(local: string, format: WallTimeFormat): string {
  const m = WALL_TIME.exec(local);
  if (!m) return local;
  const [, y, mo, d, h, mi] = m as unknown as [string, string, string, string, string, string];
  const values: Record<Field, string | undefined> = {
    weekday: format.weekdays[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()],
    month: format.months[Number(mo) - 1],
    day: String(Number(d)),
    hour: h,
    minute: mi,
  };
  return format.parts.map((p) => (typeof p === 'string' ? p : values[p.field] ?? '')).join('');
}
