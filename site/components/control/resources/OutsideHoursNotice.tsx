// After new weekly hours: the booked consultations they leave outside. Nothing was moved;
// each links to its day on the board, where staff give it another room, interpreter or time.
import type { ConsultationRef } from './shared.ts';

const when = (koreaTime: string) => `${koreaTime.slice(0, 10)} ${koreaTime.slice(11, 16)}`;

export function OutsideHoursNotice({ owner, consultations, onDismiss }: { owner: string; consultations: ConsultationRef[]; onDismiss: () => void }) {
  const n = consultations.length;
  return (
    <section className="card notice-warning" aria-labelledby="outside-hours-title">
      <h3 id="outside-hours-title">{n} booked consultation{n === 1 ? '' : 's'} outside the new hours of {owner}</h3>
      <p>They keep their times until you move them on the board.</p>
      <ul>
        {consultations.map((c) => (
          <li key={c.id} data-consultation={c.id}>
            #{c.id}, {when(c.koreaTime)} Korea time: {c.company} with {c.buyer}{c.language ? ` (${c.language})` : ''}{' '}
            <a href={`/control/?date=${c.koreaTime.slice(0, 10)}`}>on the board<span className="visually-hidden">: #{c.id}</span></a>
          </li>
        ))}
      </ul>
      <p><button type="button" className="secondary" onClick={onDismiss}>Dismiss</button></p>
    </section>
  );
}
