// Today's board: rooms down the side, Korean time across, every consultation with its
// company, buyer, country and interpreter. It refreshes itself; staff pick a consultation
// to give it another room or interpreter, move it or cancel it, and place the requests
// nobody could place. English only, like the rest of the control tower.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Messages } from '../../i18n/format.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { boardColumns, clock, roomCells } from '../../lib/control/board-grid.ts';
import { SelectField, TextArea } from '../portal/fields.tsx';
import { ProblemAlert, StatusLine } from '../portal/messages.tsx';
import { gateOf, StaffGate, type GateState } from './StaffGate.tsx';

type LocalSpan = { start: string; end: string; timeZone?: string };
type Room = { id: string; name: string; kind: string; location: string; region: string };
export type BoardItem = {
  id: string; roomId: string; status: string; awaiting: 'company' | 'buyer' | null; startsAt: string; endsAt: string;
  koreaTime: LocalSpan; company: { slug: string; name: string };
  buyer: { name: string; company: string; country: string; timeZone: string };
  interpreter: { id: string | null; language: string; name: string | null } | null;
  pavilion: string | null; region: string;
};
type BoardData = { date: string; timeZone: string; rooms: Room[]; consultations: BoardItem[] };
type Slot = { start: string; buyerTime: LocalSpan; koreaTime: LocalSpan };
type Options = { rooms: Room[]; interpreters: { id: string; name: string }[]; slots: Slot[] };
type Queued = {
  id: string; createdAt: string; company: { slug: string; name: string }; product: string | null;
  buyer: { name: string; company: string; country: string; language: string; timeZone: string };
  interpreter: string; suggested: Slot | null;
};

const REFRESH_MS = 20_000;
const CHANGEABLE = ['held', 'scheduled', 'confirmed'];
const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
const languageName = new Intl.DisplayNames(['en'], { type: 'language' });
const country = (code: string) => regionName.of(code) ?? code;
const hhmm = (iso: string) => iso.slice(11, 16);
const dayLabel = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const koreaToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
const shiftDay = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const slotLabel = (s: Slot) => `${s.koreaTime.start.slice(0, 10)} ${hhmm(s.koreaTime.start)} Korea · ${hhmm(s.buyerTime.start)} buyer (${s.buyerTime.timeZone})`;

function readQuery() {
  const q = new URLSearchParams(globalThis.location?.search ?? '');
  const date = q.get('date');
  return { date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : koreaToday(), region: q.get('region') ?? '', pavilion: q.get('pavilion') ?? '' };
}

function MeetingButton({ item, selected, onSelect }: { item: BoardItem; selected: boolean; onSelect: () => void }) {
  return (
    <button type="button" className={`meeting status-${item.status}`} aria-pressed={selected} onClick={onSelect} data-consultation={item.id}>
      <span className="when">{hhmm(item.koreaTime.start)}–{hhmm(item.koreaTime.end)}</span>{' '}
      <span className="who">{item.company.name || item.company.slug}</span>{' '}
      <span className="with">with {item.buyer.name} ({item.buyer.country})</span>
      {item.interpreter && <span className="interp"> · {languageName.of(item.interpreter.language) ?? item.interpreter.language}</span>}
      {item.status !== 'scheduled' && <span className="state"> · {item.status}{item.awaiting ? `, awaiting ${item.awaiting}` : ''}</span>}
    </button>
  );
}

function Grid({ data, selected, onSelect }: { data: BoardData; selected: string | null; onSelect: (id: string) => void }) {
  const columns = boardColumns(data.date, data.consultations);
  const byRoom = new Map<string, BoardItem[]>();
  for (const c of data.consultations) byRoom.set(c.roomId, [...(byRoom.get(c.roomId) ?? []), c]);
  return (
    <div className="board-scroll" tabIndex={0} role="region" aria-label="Board: rooms and times">
      <table className="board">
        <caption className="visually-hidden">Consultations on {dayLabel(data.date)} by room, in Korea time</caption>
        <thead>
          <tr>
            <th scope="col">Room</th>
            {columns.map((m) => <th scope="col" key={m} className={m % 60 === 0 ? 'hour' : 'half'}>{clock(m)}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.rooms.map((room) => (
            <tr key={room.id} data-room={room.id}>
              <th scope="row">{room.name}<span className="muted"> · {room.location}</span></th>
              {roomCells(data.date, byRoom.get(room.id) ?? [], columns).map((cell) => (
                <td key={cell.start} colSpan={cell.span} className={cell.items.length ? 'busy' : undefined}>
                  {cell.items.map((item) => <MeetingButton key={item.id} item={item} selected={selected === item.id} onSelect={() => onSelect(item.id)} />)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Details({ item, rooms, onChanged, onClose }: { item: BoardItem; rooms: Room[]; onChanged: (text: string) => void; onClose: () => void }) {
  const id = useId();
  const [options, setOptions] = useState<Options | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [room, setRoom] = useState('');
  const [interpreter, setInterpreter] = useState('');
  const [slot, setSlot] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const changeable = CHANGEABLE.includes(item.status) && Date.parse(item.endsAt) > Date.now();

  useEffect(() => {
    headingRef.current?.focus();
    setOptions(null);
    setProblem(null);
    if (!changeable) return;
    void api<Options>('GET', `/api/control/consultations/${item.id}/options`).then((r) => {
      if (!r.ok) return setProblem(r.problem);
      setOptions(r.data);
      setRoom(r.data.rooms[0]?.id ?? '');
      setInterpreter(r.data.interpreters[0]?.id ?? '');
      setSlot(r.data.slots[0]?.start ?? '');
    });
  }, [item.id, changeable]);

  async function act(path: string, body: unknown, done: (after: BoardItem) => string) {
    setBusy(true);
    setProblem(null);
    const r = await api<BoardItem>('POST', `/api/control/consultations/${item.id}/${path}`, body);
    setBusy(false);
    if (r.ok) onChanged(done(r.data));
    else setProblem(r.problem);
  }
  const roomName = (roomId: string) => rooms.find((r) => r.id === roomId)?.name ?? options?.rooms.find((r) => r.id === roomId)?.name ?? `room ${roomId}`;

  function cancel(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) return setReasonError('Say why, in a few words: everyone is told.');
    if (reason.trim().length > 500) return setReasonError('At most 500 characters.');
    void act('cancel', { reason: reason.trim() }, () => `Cancelled the meeting of ${item.company.name} with ${item.buyer.name}. Everyone has been told.`);
  }

  return (
    <section className="card board-details" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} tabIndex={-1} ref={headingRef}>{item.company.name || item.company.slug} with {item.buyer.name}</h3>
      <dl className="facts">
        <dt>Korea time</dt><dd>{hhmm(item.koreaTime.start)}–{hhmm(item.koreaTime.end)} (Asia/Seoul)</dd>
        <dt>Buyer</dt><dd>{item.buyer.name}, {item.buyer.company} ({country(item.buyer.country)}), time zone {item.buyer.timeZone}</dd>
        <dt>Room</dt><dd>{roomName(item.roomId)}</dd>
        <dt>Interpreter</dt><dd>{item.interpreter ? `${item.interpreter.name ?? 'booked'} (${languageName.of(item.interpreter.language) ?? item.interpreter.language})` : 'Not needed'}</dd>
        <dt>Status</dt><dd>{item.status}{item.awaiting ? ` (awaiting the ${item.awaiting})` : ''}</dd>
        {item.pavilion && <><dt>Pavilion</dt><dd>{item.pavilion}</dd></>}
      </dl>
      {problem && <ProblemAlert problem={problem} />}
      {!changeable && <p className="muted">This consultation is {item.status === 'cancelled' ? 'cancelled' : 'over or settled'}; it cannot be changed.</p>}
      {changeable && !options && !problem && <p role="status">Finding free rooms, interpreters and times…</p>}
      {changeable && options && (
        <div className="board-actions">
          <form onSubmit={(e) => { e.preventDefault(); void act('room', { roomId: room }, (after) => `Moved to ${roomName(after.roomId)}. Everyone has been told.`); }}>
            {options.rooms.length === 0 ? <p>No other room is free at this time.</p> : <>
              <SelectField id={`${id}-room`} label="Another room at the same time" value={room} onChange={setRoom}
                options={options.rooms.map((r) => [r.id, `${r.name} · ${r.location}`] as const)} />
              <button type="submit" disabled={busy}>Move to this room</button>
            </>}
          </form>
          {item.interpreter && (
            <form onSubmit={(e) => { e.preventDefault(); void act('interpreter', { interpreterId: interpreter }, (after) => `${after.interpreter?.name ?? 'The new interpreter'} now interprets this meeting. Both interpreters have been told.`); }}>
              {options.interpreters.length === 0 ? <p>No other {languageName.of(item.interpreter.language)} interpreter is free at this time.</p> : <>
                <SelectField id={`${id}-interpreter`} label="Another interpreter" value={interpreter} onChange={setInterpreter}
                  options={options.interpreters.map((i) => [i.id, i.name] as const)} />
                <button type="submit" disabled={busy}>Give to this interpreter</button>
              </>}
            </form>
          )}
          {item.status !== 'held' && (
            <form onSubmit={(e) => { e.preventDefault(); void act('move', { start: slot }, (after) => `Moved to ${after.koreaTime.start.slice(0, 10)} ${hhmm(after.koreaTime.start)} Korea time in ${roomName(after.roomId)}. Everyone has been told.`); }}>
              {options.slots.length === 0 ? <p>No other time suits the company, the buyer and a room.</p> : <>
                <SelectField id={`${id}-slot`} label="Another time everyone can make" value={slot} onChange={setSlot}
                  options={options.slots.map((s) => [s.start, slotLabel(s)] as const)} />
                <button type="submit" disabled={busy}>Move to this time</button>
              </>}
            </form>
          )}
          <p><button type="button" className="secondary" aria-expanded={cancelling} onClick={() => setCancelling(!cancelling)}>Cancel the consultation…</button></p>
          {cancelling && (
            <form onSubmit={cancel} noValidate>
              <TextArea id={`${id}-reason`} label="Reason (the buyer, the company and the interpreter read it)" rows={2} required
                value={reason} onChange={(v) => { setReason(v); setReasonError(undefined); }} error={reasonError} />
              <button type="submit" disabled={busy}>Cancel with this reason</button>
            </form>
          )}
        </div>
      )}
      <p><button type="button" className="secondary" onClick={onClose}>Close</button></p>
    </section>
  );
}

function RequestQueue({ items, onPlaced }: { items: Queued[]; onPlaced: (text: string) => void }) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState('');
  async function place(q: Queued) {
    if (!q.suggested) return;
    setBusy(q.id);
    setProblem(null);
    const r = await api<{ koreaTime: LocalSpan }>('POST', `/api/control/requests/${q.id}/place`, { start: q.suggested.start });
    setBusy('');
    if (r.ok) onPlaced(`Placed ${q.buyer.name} with ${q.company.name} on ${r.data.koreaTime.start.slice(0, 10)} at ${hhmm(r.data.koreaTime.start)} Korea time. Everyone has been invited.`);
    else setProblem(r.problem);
  }
  return (
    <section aria-labelledby="queue-h">
      <h2 id="queue-h">Waiting to be placed ({items.length})</h2>
      {problem && <ProblemAlert problem={problem} />}
      {items.length === 0 ? <p>No request is waiting: every request has a time.</p> : (
        <table className="list-table">
          <caption className="visually-hidden">Requests nobody could place yet, oldest first</caption>
          <thead><tr><th scope="col">Buyer</th><th scope="col">Company</th><th scope="col">Asked</th><th scope="col">First time that works</th></tr></thead>
          <tbody>
            {items.map((q) => (
              <tr key={q.id} data-request={q.id}>
                <th scope="row">{q.buyer.name}, {q.buyer.company} ({country(q.buyer.country)}, {languageName.of(q.buyer.language) ?? q.buyer.language})</th>
                <td>{q.company.name || q.company.slug}</td>
                <td>{new Date(q.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' })}</td>
                <td>{q.suggested
                  ? <button type="button" disabled={busy === q.id} onClick={() => void place(q)}>Place at {slotLabel(q.suggested)}</button>
                  : <span className="muted">No time works in the booking horizon</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function Board({ messages, pavilions }: { messages: Messages; pavilions: { slug: string; name: string }[] }) {
  const [query, setQuery] = useState(readQuery);
  const [state, setState] = useState<GateState<BoardData>>('loading');
  const [queue, setQueue] = useState<Queued[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [updated, setUpdated] = useState('');

  const load = useCallback(async () => {
    const q = new URLSearchParams({ date: query.date });
    if (query.region) q.set('region', query.region);
    if (query.pavilion) q.set('pavilion', query.pavilion);
    const [board, requests] = await Promise.all([
      api<BoardData>('GET', `/api/control/board?${q}`),
      api<{ items: Queued[] }>('GET', '/api/control/requests'),
    ]);
    setState(gateOf(board));
    if (board.ok && !query.region) setRegions([...new Set(board.data.rooms.map((r) => r.region))].sort());
    if (requests.ok) setQueue(requests.data.items);
    setUpdated(new Date().toLocaleTimeString('en-GB', { timeZone: 'Asia/Seoul' }));
  }, [query]);

  useEffect(() => {
    const url = new URL(window.location.href);
    for (const [k, v] of Object.entries(query)) v ? url.searchParams.set(k, v) : url.searchParams.delete(k);
    window.history.replaceState(null, '', url);
    void load();
    // Live: refresh while the tab is visible.
    const timer = window.setInterval(() => { if (document.visibilityState === 'visible') void load(); }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, query]);

  const changed = (text: string) => {
    setStatus(text);
    void load();
  };

  const pavilionOptions = useMemo(() => [['', 'All pavilions'] as const, ...pavilions.map((p) => [p.slug, p.name] as const)], [pavilions]);

  return (
    <StaffGate messages={messages} state={state} what="see the board" onSignedIn={load} returnTo="/control/">
      {(data) => {
        const item = data.consultations.find((c) => c.id === selected);
        return (
          <>
            <div aria-live="polite">{status && <StatusLine text={status} />}</div>
            <form className="board-toolbar" onSubmit={(e) => e.preventDefault()} aria-label="Day and filters">
              <button type="button" className="secondary" onClick={() => setQuery({ ...query, date: shiftDay(query.date, -1) })}>← Previous day</button>
              <label>Day (Korea) <input type="date" value={query.date} required onChange={(e) => e.target.value && setQuery({ ...query, date: e.target.value })} /></label>
              <button type="button" className="secondary" onClick={() => setQuery({ ...query, date: shiftDay(query.date, 1) })}>Next day →</button>
              <button type="button" className="secondary" onClick={() => setQuery({ ...query, date: koreaToday() })}>Today</button>
              <label>Region <select value={query.region} onChange={(e) => setQuery({ ...query, region: e.target.value })}>
                <option value="">All regions</option>
                {regions.map((r) => <option key={r} value={r}>{r}</option>)}
              </select></label>
              <label>Pavilion <select value={query.pavilion} onChange={(e) => setQuery({ ...query, pavilion: e.target.value })}>
                {pavilionOptions.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select></label>
            </form>
            <h2>{dayLabel(data.date)} <span className="muted">· {data.consultations.length} consultation{data.consultations.length === 1 ? '' : 's'} in {data.rooms.length} room{data.rooms.length === 1 ? '' : 's'}</span></h2>
            <p className="muted">Times in Korea time (Asia/Seoul). Refreshes itself every {REFRESH_MS / 1000} seconds; last updated {updated}.</p>
            <Grid data={data} selected={selected} onSelect={setSelected} />
            {item && <Details key={item.id} item={item} rooms={data.rooms} onChanged={changed} onClose={() => setSelected(null)} />}
            <RequestQueue items={queue} onPlaced={changed} />
          </>
        );
      }}
    </StaffGate>
  );
}
