// Wall times as the API gives them ({ start, end, timeZone }), written the reader's way with
// the zone named, so both sides' times read unambiguously.
import { intlTag, type Locale } from '../../i18n/locales.ts';

export type LocalTime = { start: string; end: string; timeZone: string };

export function formatWallTime(time: LocalTime, locale: Locale): string {
  const f = new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: time.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false,
  });
  return `${f.format(new Date(time.start))} (${time.timeZone})`;
}
