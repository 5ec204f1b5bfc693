// Building an Intl.DateTimeFormat costs far more than formatting with one, and every e-mail
// of a booking formats several times in a handful of zones: one formatter per zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as people read it in a zone, e.g. "Monday 7 December 2026 at 10:00". */
export function wallTime(at: Date | string, timeZone: string, style: 'long' | 'short' = 'long'): string {
  const key = `${style} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone, weekday: style, day: 'numeric', month: style, year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
    });
    // Zones are few (a few hundred exist); the bound only guards against a flood of bad input.
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(key, format);
  }
  return format.format(typeof at === 'string' ? new Date(at) : at);
}
