// The buyer's e-mail when the company proposes another time: for a request still waiting
// (the asked-for time cannot be had) and for a booked meeting, which stays unless the
// buyer takes the new time. Times in the buyer's zone and Korea's.
import { describe, expect, it } from 'vitest';
import { consultationMail } from './consultation-mail.ts';
import type { ConsultationView } from '../repositories/bookings.ts';

const proposal: ConsultationView = {
  id: '7', meetingRequestId: '3', status: 'held', startsAt: new Date('2026-12-09T01:00:00Z'), endsAt: new Date('2026-12-09T01:30:00Z'),
  roomName: 'Room 1', roomLocation: 'KOTRA HQ', interpreterLanguage: null, interpreterName: null, videoRoom: 'pavilion-x',
  companySlug: 'hanbit', companyName: 'Hanbit Cosmetics', buyerTimeZone: 'America/New_York', companyTimeZone: 'Asia/Seoul',
  icsSequence: 0, updatedAt: new Date('2026-12-01T00:00:00Z'), awaiting: 'buyer', holdExpiresAt: new Date('2026-12-07T23:00:00Z'), declineReason: null,
};
const buyer = { role: 'buyer' as const, email: 'jo@co.test', timeZone: 'America/New_York' };
const opts = { videoUrl: 'https://meet.example/pavilion-x', manageUrl: 'https://hall.test/api/manage/abc', ics: '' };

describe('the proposed-time e-mail', () => {
  it('for a request still waiting: the asked-for time cannot be had', () => {
    const mail = consultationMail(proposal, 'proposed', buyer, opts);
    expect(mail.text).toContain('Hanbit Cosmetics cannot meet at the time you asked for and proposes another:');
    expect(mail.text).toContain('Proposed time: Tuesday, 8 December 2026 at 20:00 (America/New_York)');
    expect(mail.text).toContain('Answer with this private link: https://hall.test/api/manage/abc');
    expect(mail.attachments).toEqual([]);
  });

  it('for a booked meeting: it stays booked at its time unless the buyer accepts', () => {
    const mail = consultationMail(proposal, 'proposed', buyer, { ...opts, movesFrom: new Date('2026-12-08T00:00:00Z') });
    expect(mail.text).toContain('Hanbit Cosmetics asks to move your video meeting to another time:');
    expect(mail.text).not.toContain('cannot meet at the time you asked for');
    expect(mail.text).toContain('Proposed time: Tuesday, 8 December 2026 at 20:00 (America/New_York)');
    expect(mail.text).toContain('Korea time:    Wednesday, 9 December 2026 at 10:00 (Asia/Seoul)');
    expect(mail.text).toContain('Your meeting stays booked at Monday, 7 December 2026 at 19:00 (America/New_York) unless you accept the new time.');
  });
});
