// The buyer's manage page: plain HTML that works without JavaScript (forms post back and
// are redirected here). Everything shown is escaped.
import { escapeHtml as e } from '../../lib/html.ts';
import { wallTime } from '../../lib/wall-time.ts';
import type { ConsultationJson } from '../consultation-json.ts';
import type { SlotView } from '../../services/booking.ts';

export function renderManagePage(v: ConsultationJson, token: string, options: SlotView[], notice?: string): string {
  const live = ['scheduled', 'confirmed'].includes(v.status);
  const held = v.status === 'held';
  const until = v.holdExpiresAt ? `${wallTime(v.holdExpiresAt, v.buyerTime.timeZone)} (${v.buyerTime.timeZone})` : '';
  const base = `/api/manage/${encodeURIComponent(token)}`;
  const slotOptions = options
    .map((s) => `<option value="${e(s.start)}">${e(wallTime(s.start, s.buyerTime.timeZone))} · Korea ${e(wallTime(s.start, s.koreaTime.timeZone))}</option>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Your video meeting · Pavilion</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#16202a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
button{font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:6px;border:0;background:#0b5cad;color:#fff;cursor:pointer}
button.danger{background:#a40e26}select{font:inherit;padding:.4rem;max-width:100%}section{border-top:1px solid #d9dee4;margin-top:1.5rem}
form.inline{display:inline-block;margin-right:.5rem}.notice{border:2px solid #15803d;background:#f0fdf4;padding:.5rem 1rem;border-radius:8px}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head>
<body><main><h1>Your video meeting with ${e(v.company.name)}</h1>
${notice ? `<p class="notice" role="status">${e(notice)}</p>` : ''}
${held && v.awaiting === 'company' ? `<p class="notice" data-testid="hold">${e(v.company.name)} confirms its meetings itself. This time is reserved for you until ${e(until)}; we will e-mail you the answer.</p>` : ''}
${held && v.awaiting === 'buyer' ? `<section aria-labelledby="proposal"><h2 id="proposal">${e(v.company.name)} proposes this time</h2>
<p>Please answer by ${e(until)}.</p>
<form method="post" action="${base}/accept" class="inline"><button type="submit">Accept this time</button></form>
<form method="post" action="${base}/decline" class="inline"><button class="danger" type="submit">Decline</button></form></section>` : ''}
${v.status === 'cancelled' && v.declineReason ? `<p class="notice" data-testid="cancelled">This meeting has been cancelled. Reason: ${e(v.declineReason)}</p>` : ''}
${v.status === 'declined' ? `<p class="notice" data-testid="declined">This meeting could not be arranged.${v.declineReason ? ` Reason: ${e(v.declineReason)}` : ''}</p>` : ''}
<dl>
<dt>Status</dt><dd data-testid="status">${e(v.status)}</dd>
<dt>Your time</dt><dd data-testid="buyer-time">${e(wallTime(v.startsAt, v.buyerTime.timeZone))} (${e(v.buyerTime.timeZone)})</dd>
<dt>Korea time</dt><dd data-testid="korea-time">${e(wallTime(v.startsAt, v.koreaTime.timeZone))} (${e(v.koreaTime.timeZone)})</dd>
<dt>Room</dt><dd>${e(v.room.name)}, ${e(v.room.location)}</dd>
<dt>Interpreter</dt><dd>${v.interpreter ? `booked (${e(v.interpreter.language)})` : 'not needed'}</dd>
${live ? `<dt>Video link</dt><dd><a href="${e(v.videoUrl)}" rel="noopener noreferrer">${e(v.videoUrl)}</a></dd>` : ''}
</dl>
${held || v.status === 'declined' ? '' : `<p><a href="${base}/invite.ics" download>Add to your calendar (.ics)</a></p>`}
${live ? `<section aria-labelledby="move"><h2 id="move">Move the meeting</h2>
${options.length ? `<form method="post" action="${base}/reschedule"><label for="start">New time (yours, then Korea's)</label><br>
<select id="start" name="start" required>${slotOptions}</select> <button type="submit">Move</button></form>` : '<p>No other time is free at the moment.</p>'}
</section>
` : ''}
${live || (held && v.awaiting === 'company') ? `<section aria-labelledby="cancel"><h2 id="cancel">Cancel the ${held ? 'request' : 'meeting'}</h2>
<form method="post" action="${base}/cancel"><button class="danger" type="submit">Cancel this ${held ? 'request' : 'meeting'}</button></form></section>` : ''}
<p><a href="/">Back to the exhibition hall</a></p></main></body></html>`;
}
