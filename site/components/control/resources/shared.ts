// What the Resources screen's panels share: the API's shapes, field errors from zod (the
// same schemas the API validates with) keyed like the API's own ("hours.0.end"), and the
// small formatting helpers.
import type { ZodError } from 'zod';
import type { FieldErrors } from '../../../lib/portal/api.ts';

export type Hours = { timeZone: string; hours: { weekday: number; start: string; end: string }[]; usesDefault: boolean };
export type Pavilion = {
  id: string; slug: string; names: Record<string, string | undefined>; stories: Record<string, string | undefined>;
  order: number; retired: boolean; retiredAt: string | null; productCount: number;
};
export type Room = {
  id: string; name: string; kind: 'room' | 'booth'; location: string; region: string; timeZone: string;
  bufferMinutes: number; equipment: string[]; active: boolean; liveAhead: number; hours: Hours; closures: Period[];
};
/** Whole local days of an interpreter's leave or a room's closure. */
export type Period = { id: string; from: string; to: string; reason: string };
/** A live consultation an answer names (e.g. one that new hours leave outside). */
export type ConsultationRef = { id: string; startsAt: string; koreaTime: string; company: string; buyer: string; language: string | null };
export type Interpreter = {
  id: string; name: string; email: string; timeZone: string; active: boolean; liveAhead: number;
  languages: string[]; hours: Hours; leave: Period[];
};
/** Tells the screen something changed: announce `text` and reload the lists. */
export type Changed = (text: string) => Promise<void>;

export function zodErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = issue.message;
  }
  return out;
}

/** The first error at `path` or under it ("languages" for "languages.1"). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return nested ? errors[nested] : undefined;
}

/** "webcam, headset" -> ['webcam', 'headset'] (blank items dropped). */
export const splitList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export const languageName = (code: string) => languageNames.of(code) ?? code;

/** "Mon 09:00–18:00, Tue 09:00–12:00 (Asia/Seoul)", or the default hours. */
export function hoursSummary(h: Hours, defaults: string): string {
  if (h.usesDefault) return `Default: ${defaults}`;
  return `${h.hours.map((r) => `${SHORT[r.weekday - 1]} ${r.start}–${r.end}`).join(', ')} (${h.timeZone})`;
}

/** Every IANA zone the browser knows, for the zone fields' suggestions. */
export const TIME_ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Seoul'];
  }
})();
