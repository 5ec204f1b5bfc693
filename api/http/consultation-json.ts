// The public JSON shape of a consultation, shared by the booking answer and the manage link.
import type { ConsultationView } from '../repositories/bookings.ts';
import { slotView } from '../services/booking.ts';

export type ConsultationJson = ReturnType<typeof consultationJson>;

export function consultationJson(c: ConsultationView, videoBaseUrl: string, manageUrl?: string) {
  const times = slotView({ start: c.startsAt.getTime(), end: c.endsAt.getTime() }, c.buyerTimeZone, c.companyTimeZone);
  return {
    id: c.meetingRequestId,
    status: c.status,
    startsAt: times.start,
    endsAt: times.end,
    buyerTime: times.buyerTime,
    koreaTime: times.koreaTime,
    company: { slug: c.companySlug, name: c.companyName },
    room: { name: c.roomName, location: c.roomLocation },
    interpreter: c.interpreterLanguage ? { language: c.interpreterLanguage } : null,
    videoUrl: `${videoBaseUrl}${c.videoRoom}`,
    // While held: whose answer is awaited ('company' or 'buyer') and until when.
    awaiting: c.awaiting,
    holdExpiresAt: c.holdExpiresAt?.toISOString() ?? null,
    declineReason: c.declineReason,
    ...(manageUrl ? { manageUrl } : {}),
  };
}
