// The e-mails a consultation sends: to the buyer, the company's members and the
// interpreter, on scheduling, rescheduling and cancellation, each with its .ics. Pure.
import type { ConsultationView } from '../repositories/bookings.ts';
import { wallTime } from '../lib/wall-time.ts';

export type MailEvent = 'scheduled' | 'rescheduled' | 'cancelled' | 'reminder-24h' | 'reminder-1h';
export type Recipient = { role: 'buyer' | 'company' | 'interpreter'; email: string; timeZone: string };

const headline: Record<MailEvent, string> = {
  scheduled: 'is scheduled',
  rescheduled: 'has moved',
  cancelled: 'is cancelled',
  'reminder-24h': 'starts in 24 hours',
  'reminder-1h': 'starts in one hour',
};

export function consultationMail(
  c: ConsultationView,
  event: MailEvent,
  to: Recipient,
  opts: { videoUrl: string; manageUrl?: string | undefined; ics: string },
): { subject: string; text: string; attachments: { filename: string; content: string; contentType: string }[] } {
  const other = to.role === 'buyer' ? c.companyName : 'your buyer';
  const subject = `Video meeting with ${to.role === 'buyer' ? c.companyName : 'a buyer'} ${headline[event]}: ${wallTime(c.startsAt, to.timeZone)}`;
  const lines = [
    `Your video meeting with ${other} ${headline[event]}.`,
    '',
    `Your time:  ${wallTime(c.startsAt, to.timeZone)} (${to.timeZone})`,
    `Buyer time: ${wallTime(c.startsAt, c.buyerTimeZone)} (${c.buyerTimeZone})`,
    `Korea time: ${wallTime(c.startsAt, c.companyTimeZone)} (${c.companyTimeZone})`,
    `Room: ${c.roomName}, ${c.roomLocation}`,
    `Interpreter: ${c.interpreterLanguage ? `booked (${c.interpreterLanguage})` : 'not needed'}`,
    ...(event === 'cancelled' ? [] : [`Video link: ${opts.videoUrl}`]),
    ...(to.role === 'buyer' && opts.manageUrl && event !== 'cancelled'
      ? ['', `To see, move or cancel the meeting, keep this private link: ${opts.manageUrl}`]
      : []),
    '',
    'Pavilion, the online exhibition hall for Korean exporters',
  ];
  const method = opts.ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST';
  return {
    subject,
    text: lines.join('\n'),
    attachments: [{ filename: 'invite.ics', content: opts.ics, contentType: `text/calendar; charset=utf-8; method=${method}` }],
  };
}
