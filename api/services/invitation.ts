// The calendar invitation of a consultation, as the buyer (and later every participant)
// receives it: one UID for the consultation's life, its SEQUENCE raised on every change.
import { renderIcs } from '../calendar/ics.ts';
import type { ConsultationView } from '../repositories/bookings.ts';
import { wallTime } from '../lib/wall-time.ts';

/** `released`: the cancellation an interpreter who was replaced receives for their calendar. */
export function consultationIcs(c: ConsultationView, opts: { videoBaseUrl: string; publicUrl: string }, released = false): string {
  const host = new URL(opts.publicUrl).hostname;
  const video = `${opts.videoBaseUrl}${c.videoRoom}`;
  const live = !released && ['held', 'scheduled', 'confirmed'].includes(c.status);
  return renderIcs({
    uid: `consultation-${c.id}@${host}`,
    sequence: c.icsSequence,
    method: live ? 'REQUEST' : 'CANCEL',
    start: c.startsAt,
    end: c.endsAt,
    stamp: c.updatedAt,
    summary: `Video meeting with ${c.companyName} (Pavilion)`,
    description: [
      `Your time: ${wallTime(c.startsAt, c.buyerTimeZone, 'short')} (${c.buyerTimeZone})`,
      `Korea time: ${wallTime(c.startsAt, c.companyTimeZone, 'short')} (${c.companyTimeZone})`,
      `Room: ${c.roomName}, ${c.roomLocation}`,
      `Interpreter: ${c.interpreterLanguage ? `booked (${c.interpreterLanguage})` : 'not needed'}`,
      `Video link: ${video}`,
    ].join('\n'),
    location: video,
    url: video,
    organizer: { name: 'Pavilion video consultations', email: `meetings@${host}` },
  });
}
