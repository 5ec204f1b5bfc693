// The e-mails a consultation sends: to the buyer, the company's members and the
// interpreter, on scheduling, rescheduling and cancellation, each with its .ics. Pure.
import type { ConsultationView } from '../repositories/bookings.ts';
import { wallTime } from '../lib/wall-time.ts';

export type MailEvent =
  | 'scheduled' | 'rescheduled' | 'cancelled' | 'updated' | 'released' | 'reminder-24h' | 'reminder-1h' | 'held' | 'proposed' | 'declined';
export type Recipient = { role: 'buyer' | 'company' | 'interpreter'; email: string; timeZone: string };

const headline: Record<MailEvent, string> = {
  scheduled: 'is scheduled',
  rescheduled: 'has moved',
  cancelled: 'is cancelled',
  // Staff gave it another room or interpreter: same time, new details.
  updated: 'has new details',
  // To an interpreter who was replaced: the meeting goes on without them.
  released: 'no longer needs you',
  'reminder-24h': 'starts in 24 hours',
  'reminder-1h': 'starts in one hour',
  held: 'is requested',
  proposed: 'has a new proposed time',
  declined: 'could not be arranged',
};

/** A hold, a proposal and a refusal are not (yet) in anyone's calendar: plain text only. */
function holdMail(c: ConsultationView, event: 'held' | 'proposed' | 'declined', to: Recipient, opts: { manageUrl?: string | undefined; portalUrl: string; movesFrom?: Date | undefined }) {
  const when = (zone: string) => `${wallTime(c.startsAt, zone)} (${zone})`;
  const until = c.holdExpiresAt ? wallTime(c.holdExpiresAt, to.timeZone) : '';
  const sign = ['', 'Pavilion, the online exhibition hall for Korean exporters'];
  if (to.role === 'company') {
    return {
      subject: `A buyer asks for a video meeting: ${wallTime(c.startsAt, to.timeZone)}`,
      text: [
        'A buyer asks for a video meeting with your company.',
        '',
        `Korea time: ${when(c.companyTimeZone)}`,
        `Buyer time: ${when(c.buyerTimeZone)}`,
        `Interpreter: ${c.interpreterLanguage ? `requested (${c.interpreterLanguage})` : 'not needed'}`,
        '',
        `The time is held for you until ${until} (${to.timeZone}). Accept it, decline it or propose another time in the portal:`,
        opts.portalUrl,
        ...sign,
      ].join('\n'),
    };
  }
  const lines = event === 'held'
    ? [
        `Your request for a video meeting with ${c.companyName} has been sent.`,
        `${c.companyName} confirms its meetings itself; the time stays reserved for you until ${until}.`,
        '',
        `Requested time: ${when(c.buyerTimeZone)}`,
        `Korea time:     ${when(c.companyTimeZone)}`,
        '',
        'We will e-mail you as soon as the company answers.',
      ]
    : event === 'proposed' && opts.movesFrom
      ? [
          // A booked meeting: the buyer keeps it unless they take the new time.
          `${c.companyName} asks to move your video meeting to another time:`,
          '',
          `Proposed time: ${when(c.buyerTimeZone)}`,
          `Korea time:    ${when(c.companyTimeZone)}`,
          '',
          `Your meeting stays booked at ${wallTime(opts.movesFrom, c.buyerTimeZone)} (${c.buyerTimeZone}) unless you accept the new time.`,
          `Please accept or decline it by ${until}.`,
        ]
    : event === 'proposed'
      ? [
          `${c.companyName} cannot meet at the time you asked for and proposes another:`,
          '',
          `Proposed time: ${when(c.buyerTimeZone)}`,
          `Korea time:    ${when(c.companyTimeZone)}`,
          '',
          `Please accept or decline it by ${until}.`,
        ]
      : [
          `${c.companyName} could not arrange the video meeting you asked for (${when(c.buyerTimeZone)}).`,
          ...(c.declineReason ? ['', `Their reason: ${c.declineReason}`] : []),
          '',
          'You are welcome to ask for another time on the product or company page.',
        ];
  const link = opts.manageUrl && event !== 'declined'
    ? ['', `${event === 'proposed' ? 'Answer' : 'See or cancel your request'} with this private link: ${opts.manageUrl}`]
    : [];
  return { subject: `Video meeting with ${c.companyName} ${headline[event]}`, text: [...lines, ...link, ...sign].join('\n') };
}

export function consultationMail(
  c: ConsultationView,
  event: MailEvent,
  to: Recipient,
  opts: { videoUrl: string; manageUrl?: string | undefined; portalUrl?: string; ics: string; movesFrom?: Date },
): { subject: string; text: string; attachments: { filename: string; content: string; contentType: string }[] } {
  if (event === 'held' || event === 'proposed' || event === 'declined') {
    return { ...holdMail(c, event, to, { manageUrl: opts.manageUrl, portalUrl: opts.portalUrl ?? '', movesFrom: opts.movesFrom }), attachments: [] };
  }
  if (event === 'released') {
    return {
      subject: `You are no longer booked for a video meeting: ${wallTime(c.startsAt, to.timeZone)}`,
      text: [
        'Programme staff have given this video meeting to another interpreter; you are no longer needed for it.',
        '',
        `Your time: ${wallTime(c.startsAt, to.timeZone)} (${to.timeZone})`,
        `Korea time: ${wallTime(c.startsAt, c.companyTimeZone)} (${c.companyTimeZone})`,
        '',
        'Pavilion, the online exhibition hall for Korean exporters',
      ].join('\n'),
      attachments: [{ filename: 'invite.ics', content: opts.ics, contentType: 'text/calendar; charset=utf-8; method=CANCEL' }],
    };
  }
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
    ...(event === 'cancelled' && c.declineReason ? ['', `Reason: ${c.declineReason}`] : []),
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
