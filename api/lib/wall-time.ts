/** An instant as people read it in a zone, e.g. "Monday 7 December 2026 at 10:00". */
export function wallTime(at: Date | string, timeZone: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: style, day: 'numeric', month: style, year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(typeof at === 'string' ? new Date(at) : at);
}
