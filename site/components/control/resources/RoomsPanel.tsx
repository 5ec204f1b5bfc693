// Rooms and booths: details, weekly hours, closures (repairs, another event) and whether
// they are in service. Taking one out of service or closing it over live consultations is
// refused (the API names them); new hours that leave some outside are taken, and those
// consultations listed for staff to move.
import { Fragment, useState, type FormEvent } from 'react';
import { ROOM_KINDS, RoomSchema } from '../../../../api/control/resource-schemas.ts';
import { api, type FieldErrors, type Problem } from '../../../lib/portal/api.ts';
import { SelectField, TextField } from '../../portal/fields.tsx';
import { ProblemAlert } from '../../portal/messages.tsx';
import { HoursEditor, zoneOptions } from './HoursEditor.tsx';
import { OutsideHoursNotice } from './OutsideHoursNotice.tsx';
import { PeriodsEditor, span, type PeriodWords } from './PeriodsEditor.tsx';
import { errorAt, hoursSummary, splitList, zodErrors, type Changed, type ConsultationRef, type Room } from './shared.ts';

/** The booking service's hours for a room without its own (api/services/booking.ts DEFAULT_HOURS.room). */
export const ROOM_DEFAULT_HOURS = 'weekdays 08:00–20:00 Korea time (Asia/Seoul)';
const KIND_OPTIONS = ROOM_KINDS.map((k) => [k, k === 'room' ? 'Room' : 'Booth'] as const);

function RoomForm({ id, room, onDone, onCancel }: { id: string; room?: Room; onDone: Changed; onCancel: () => void }) {
  const [v, setV] = useState({
    name: room?.name ?? '', kind: room?.kind ?? 'room', location: room?.location ?? '', region: room?.region ?? '',
    timeZone: room?.timeZone ?? 'Asia/Seoul', bufferMinutes: String(room?.bufferMinutes ?? 10), equipment: room?.equipment.join(', ') ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof v) => (value: string) => {
    setV({ ...v, [field]: value });
    setErrors({});
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const buffer = v.bufferMinutes.trim() === '' ? Number.NaN : Number(v.bufferMinutes);
    const parsed = RoomSchema.safeParse({ ...v, bufferMinutes: buffer, equipment: splitList(v.equipment) });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      setErrors(found);
      requestAnimationFrame(() => document.getElementById(`${id}-${Object.keys(found)[0]?.split('.')[0]}`)?.focus());
      return;
    }
    setBusy(true);
    const r = room ? await api<Room>('PUT', `/api/control/rooms/${room.id}`, parsed.data) : await api<Room>('POST', '/api/control/rooms', parsed.data);
    setBusy(false);
    if (r.ok) return void onDone(room ? `Saved: ${r.data.name}.` : `Created: ${r.data.name}, with the default hours until you give it its own.`);
    setErrors(r.fieldErrors);
    setProblem(r.problem);
  }

  return (
    <form onSubmit={submit} noValidate className="card resource-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{room ? `Edit ${room.name}` : 'New room or booth'}</h3>
      <div className="form-grid">
        <TextField id={`${id}-name`} label="Name" hint="Unique; staff and e-mails go by it." value={v.name} onChange={set('name')} error={errors.name} required />
        <SelectField id={`${id}-kind`} label="Kind" value={v.kind} onChange={set('kind')} options={KIND_OPTIONS} error={errors.kind} required />
        <TextField id={`${id}-location`} label="Location" hint="Building and floor, or the trade centre abroad." value={v.location} onChange={set('location')} error={errors.location} required />
        <TextField id={`${id}-region`} label="Region" hint="The board filters by it, e.g. Seoul or Busan." value={v.region} onChange={set('region')} error={errors.region} required />
        <SelectField id={`${id}-timeZone`} label="Time zone" value={v.timeZone} onChange={set('timeZone')} options={zoneOptions(v.timeZone)} error={errors.timeZone} required />
        <TextField id={`${id}-bufferMinutes`} label="Turnover buffer (minutes)" hint="0 to 120." type="number" min="0" max="120" step="1" inputMode="numeric"
          value={v.bufferMinutes} onChange={set('bufferMinutes')} error={errors.bufferMinutes} required />
      </div>
      <TextField id={`${id}-equipment`} label="Equipment" hint="Separated by commas, e.g. video conferencing system, document camera." value={v.equipment} onChange={set('equipment')} error={errorAt(errors, 'equipment')} />
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions">
        <button type="submit" disabled={busy}>{room ? 'Save the room' : 'Create the room'}</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </p>
    </form>
  );
}

/** The period editor in the words of a room's closures. */
function ClosuresEditor({ id, room, onChanged, onClose }: { id: string; room: Room; onChanged: Changed; onClose: () => void }) {
  const words: PeriodWords = {
    title: `Closures of ${room.name}`, none: 'No closure ahead.', formLabel: `Close ${room.name}`, add: 'Close the room', remove: 'Reopen',
    hint: `Whole days in ${room.timeZone}, first and last day included (repairs, another event). Closing it over a booked consultation is refused: give that one another room on the board first.`,
    removeLabel: (s) => `Reopen ${room.name} ${s}`,
    added: (s) => `${room.name} is closed ${s.includes(' to ') ? `from ${s}` : `on ${s}`}: no consultation is booked there then.`,
    removed: (s) => `${room.name} is open again ${s.includes(' to ') ? `from ${s}` : `on ${s}`}.`,
  };
  return <PeriodsEditor id={id} periods={room.closures} path={`/api/control/rooms/${room.id}/closures`} words={words} onChanged={onChanged} onClose={onClose} />;
}

type Open = { id: string; what: 'edit' | 'hours' | 'closures' } | null;

export function RoomsPanel({ rooms, onChanged }: { rooms: Room[]; onChanged: Changed }) {
  const [open, setOpen] = useState<Open>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [outside, setOutside] = useState<{ owner: string; items: ConsultationRef[] } | null>(null);
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  async function setActive(r: Room, active: boolean) {
    setBusy(true);
    setProblem(null);
    const res = await api<Room>('PUT', `/api/control/rooms/${r.id}/active`, { active });
    setBusy(false);
    if (!res.ok) return setProblem(res.problem);
    await onChanged(active ? `${r.name} is in service again.` : `${r.name} is out of service: no new bookings go there.`);
    focusLater(`room-${r.id}-${active ? 'off' : 'on'}`);
  }
  const toggle = (r: Room, what: 'edit' | 'hours' | 'closures') => setOpen(open?.id === r.id && open.what === what ? null : { id: r.id, what });
  const closed = (focus: string): Changed => async (text) => {
    await onChanged(text);
    setOpen(null);
    setAdding(false);
    focusLater(focus);
  };
  const hoursSaved = (r: Room) => async (text: string, items: ConsultationRef[]) => {
    setOutside(items.length ? { owner: r.name, items } : null);
    await closed(`room-${r.id}-hours`)(text);
  };

  return (
    <>
      <p>Rooms and booths take consultations within their weekly hours; without hours of their own, {ROOM_DEFAULT_HOURS}.</p>
      {problem && <ProblemAlert problem={problem} />}
      {outside && <OutsideHoursNotice owner={outside.owner} consultations={outside.items} onDismiss={() => setOutside(null)} />}
      {adding
        ? <RoomForm id="room-new" onDone={closed('room-add')} onCancel={() => { setAdding(false); focusLater('room-add'); }} />
        : <p><button type="button" id="room-add" onClick={() => setAdding(true)}>New room or booth…</button></p>}
      <table className="list-table resource-table">
        <caption className="visually-hidden">Rooms and booths</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Where</th><th scope="col">Hours</th><th scope="col">Closed ahead</th><th scope="col">Booked ahead</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {rooms.map((r) => (
            <Fragment key={r.id}>
            <tr data-room={r.name}>
              <th scope="row">{r.name}<br /><span className="muted">{r.kind === 'booth' ? 'Booth' : 'Room'} · buffer {r.bufferMinutes} min</span></th>
              <td>{r.location}<br /><span className="muted">{r.region} · {r.timeZone}{r.equipment.length ? ` · ${r.equipment.join(', ')}` : ''}</span></td>
              <td>{hoursSummary(r.hours, ROOM_DEFAULT_HOURS)}</td>
              <td>{r.closures.length === 0 ? <span className="muted">None</span> : r.closures.map((c) => <span key={c.id} className="leave">{span(c)}<br /></span>)}</td>
              <td>{r.liveAhead}</td>
              <td>{r.active ? <span className="badge badge-approved">In service</span> : <span className="badge badge-withdrawn">Out of service</span>}</td>
              <td><div className="actions">
                <button type="button" className="secondary" id={`room-${r.id}-edit`} aria-expanded={open?.id === r.id && open.what === 'edit'} onClick={() => toggle(r, 'edit')} aria-label={`Edit ${r.name}`}>Edit</button>
                <button type="button" className="secondary" id={`room-${r.id}-hours`} aria-expanded={open?.id === r.id && open.what === 'hours'} onClick={() => toggle(r, 'hours')} aria-label={`Hours of ${r.name}`}>Hours</button>
                <button type="button" className="secondary" id={`room-${r.id}-closures`} aria-expanded={open?.id === r.id && open.what === 'closures'} onClick={() => toggle(r, 'closures')} aria-label={`Closures of ${r.name}`}>Closures</button>
                {r.active
                  ? <button type="button" className="secondary" id={`room-${r.id}-off`} disabled={busy} onClick={() => void setActive(r, false)} aria-label={`Take ${r.name} out of service`}>Out of service</button>
                  : <button type="button" className="secondary" id={`room-${r.id}-on`} disabled={busy} onClick={() => void setActive(r, true)} aria-label={`Put ${r.name} back in service`}>Back in service</button>}
              </div></td>
            </tr>
            {open?.id === r.id && (
              <tr className="detail-row"><td colSpan={7}>
                {open.what === 'edit' && <RoomForm id={`room-form-${r.id}`} room={r} onDone={closed(`room-${r.id}-edit`)} onCancel={() => { setOpen(null); focusLater(`room-${r.id}-edit`); }} />}
                {open.what === 'hours' && <HoursEditor id={`room-hours-${r.id}`} title={r.name} hours={r.hours} defaults={ROOM_DEFAULT_HOURS}
                  path={`/api/control/rooms/${r.id}/hours`} onSaved={hoursSaved(r)} onCancel={() => { setOpen(null); focusLater(`room-${r.id}-hours`); }} />}
                {open.what === 'closures' && <ClosuresEditor id={`room-closures-${r.id}`} room={r} onChanged={onChanged} onClose={() => { setOpen(null); focusLater(`room-${r.id}-closures`); }} />}
              </td></tr>
            )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
